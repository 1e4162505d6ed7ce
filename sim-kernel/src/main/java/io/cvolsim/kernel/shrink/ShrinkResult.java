package io.cvolsim.kernel.shrink;

/** The simplest failing trial found, and what it took to find it. */
public record ShrinkResult(Trial best, ShrinkStats stats) {}
