package io.cvolsim.archfixture.model;

/** Deliberately breaks the determinism rule; only the architecture tests read it. */
public final class ModelThatSleeps {
  public void pause() throws InterruptedException {
    Thread.sleep(10);
  }
}
