/**
 * The linearizability checker: Wing–Gong search with Lowe's cache, partitioned per key, with
 * budgets, a tri-state verdict and a readable witness.
 */
package io.cvolsim.checker.linear;
