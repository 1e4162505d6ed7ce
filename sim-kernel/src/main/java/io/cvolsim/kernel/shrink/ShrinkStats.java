package io.cvolsim.kernel.shrink;

/**
 * What a shrink did.
 *
 * @param steps edits kept (each made the sequence strictly simpler)
 * @param calls predicate calls made (cached candidates are not called again)
 * @param drawsBefore draws of the original failing run
 * @param drawsAfter draws of the shrunk run
 * @param sizeBefore the caller's size of the original run
 * @param sizeAfter the caller's size of the shrunk run
 * @param budgetSpent true when the budget, not a fixed point, ended the shrink
 */
public record ShrinkStats(long steps, long calls, int drawsBefore, int drawsAfter, long sizeBefore,
    long sizeAfter, boolean budgetSpent) {}
