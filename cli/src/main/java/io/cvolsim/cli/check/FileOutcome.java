package io.cvolsim.cli.check;

import io.cvolsim.checker.linear.CheckResult;

/**
 * The result of checking one file.
 *
 * @param file the file as named on the command line
 * @param result the checker's result
 * @param millis wall-clock time to read and check the file
 */
public record FileOutcome(String file, CheckResult result, long millis) {}
