package io.cvolsim.kernel.api;

/** Builds a node's code for one incarnation. */
@FunctionalInterface
public interface NodeFactory {
  Node create(NodeContext context);
}
