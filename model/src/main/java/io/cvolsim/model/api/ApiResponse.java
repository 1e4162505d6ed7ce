package io.cvolsim.model.api;

import io.cvolsim.kernel.api.Message;
import io.cvolsim.model.db.Row;

/**
 * The API's answer. {@code volume} is the row as the API last saw it (for {@link
 * VolumeRequest.Show}, the answer itself), or null.
 */
public record ApiResponse(Code code, String detail, Row volume) implements Message {

  /** HTTP outcome classes that matter to a history. */
  public enum Code {
    /** 202 (or 200 for a show): the request took effect. */
    ACCEPTED,
    /** 400 InvalidVolume: the conditional update did not match; nothing changed. */
    REJECTED,
    /** 404: no such volume; nothing changed. */
    NOT_FOUND,
    /** 409: the id is taken; nothing changed. */
    CONFLICT,
    /** 500: the API lost contact with the database midway; the outcome is unknown. */
    ERROR
  }

  public static ApiResponse of(Code code, String detail) {
    return new ApiResponse(code, detail, null);
  }
}
