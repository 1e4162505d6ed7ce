package io.cvolsim.kernel.api;

/**
 * The code of one process for one incarnation. The kernel makes a fresh instance at every
 * (re)start through a {@link NodeFactory}, so a crash loses everything held in fields; whatever
 * must survive is durable state the factory hands in.
 */
public interface Node {

  /** Start-up code; runs at the first start and after every restart. */
  void start();

  /** A message delivered to this node. Requests carry a reply slot; see {@link NodeContext#reply}. */
  void onMessage(Incoming incoming);
}
