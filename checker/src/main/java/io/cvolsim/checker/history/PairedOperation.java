package io.cvolsim.checker.history;

/**
 * An invocation together with its completion: the unit a linearizability checker orders.
 *
 * @param id the position of this pair among the pairs of its history, from 0
 * @param invocation the invoke event
 * @param completion the ok, fail or info event; null when the invocation was still open at the
 *     end of the history, which counts as info
 * @param invocationPosition the position of the invoke event in the history
 * @param completionPosition the position of the completion event, or -1 when there is none
 */
public record PairedOperation(
    int id,
    Operation invocation,
    Operation completion,
    int invocationPosition,
    int completionPosition) {

  /** Whether the operation took effect (OK), did not (FAIL), or may have (INFO). */
  public OperationType outcome() {
    return completion == null ? OperationType.INFO : completion.type();
  }

  public long process() {
    return invocation.process();
  }

  public String f() {
    return invocation.f();
  }

  /** The argument, from the invocation. */
  public Object input() {
    return invocation.value();
  }

  /** The result, from the completion; meaningful only when the outcome is OK. */
  public Object output() {
    return completion == null ? null : completion.value();
  }

  /** True when the result is known: the model must check it. False for info operations. */
  public boolean hasKnownOutput() {
    return outcome() == OperationType.OK;
  }

  @Override
  public String toString() {
    String result = hasKnownOutput() ? " -> " + ValueText.of(output()) : " (" + outcome().jepsenName() + ")";
    return "#" + id + " p" + process() + " " + f() + " " + ValueText.of(input()) + result;
  }
}
