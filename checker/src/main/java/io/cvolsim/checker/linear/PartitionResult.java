package io.cvolsim.checker.linear;

/**
 * The verdict on one partition, checked alone.
 *
 * @param partition the partition key as text ("all" when the history was not partitioned)
 * @param verdict the partition's verdict
 * @param operationCount operations searched (failed operations and info reads are dropped)
 * @param configurationsCached (linearized set, state) configurations cached by the search
 * @param witness why it is not linearizable; null unless the verdict is NOT_LINEARIZABLE
 * @param unknownReason which budget was spent; null unless the verdict is UNKNOWN
 */
public record PartitionResult(
    String partition,
    Verdict verdict,
    int operationCount,
    long configurationsCached,
    Witness witness,
    String unknownReason) {}
