package io.cvolsim.model.volume;

import io.cvolsim.kernel.api.Message;

/** The result of a volume job: cast handlers' results are ignored, calls get this. */
public enum Acknowledged implements Message {
  INSTANCE
}
