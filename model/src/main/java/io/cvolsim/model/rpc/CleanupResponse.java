package io.cvolsim.model.rpc;

import io.cvolsim.kernel.api.Message;
import java.util.List;

/** The answer to {@code POST /workers/cleanup}: the services being cleaned and those nobody can clean. */
public record CleanupResponse(List<String> cleaning, List<String> unavailable) implements Message {
  public CleanupResponse {
    cleaning = List.copyOf(cleaning);
    unavailable = List.copyOf(unavailable);
  }
}
