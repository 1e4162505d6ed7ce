/**
 * The swarm nemesis: per seed, a random subset of fault kinds with random rates (FoundationDB's
 * and TigerBeetle's swarm testing), each fault a typed event with a readable label, injected into
 * the deployment's fault window before its heal phase and quiescence. {@code swarm.faults}
 * switches it on and limits the kinds it may draw, so a planted-bug test can aim it.
 */
package io.cvolsim.scenarios.swarm;
