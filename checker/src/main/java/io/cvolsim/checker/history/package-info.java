/**
 * Jepsen-style client histories: events (invoke, ok, fail, info), their pairing into
 * operations, and the recorder the simulation builds them with.
 */
package io.cvolsim.checker.history;
