/** Helpers of {@code cvolsim check}: option parsing, checking one file, output formats. */
package io.cvolsim.cli.check;
