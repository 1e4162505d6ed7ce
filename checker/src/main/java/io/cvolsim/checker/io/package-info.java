/**
 * Reading histories (Jepsen EDN, Jepsen text logs, Porcupine kv logs, JSON lines) and writing
 * them (EDN, JSON lines). Errors name the file and line.
 */
package io.cvolsim.checker.io;
