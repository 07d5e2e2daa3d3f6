package dev.hygge.invoke;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** Names the threads that run entities, so thread dumps and logs say what they are. */
final class RunThreads implements ThreadFactory {
  private final AtomicInteger count = new AtomicInteger();

  @Override
  public Thread newThread(Runnable task) {
    Thread thread = new Thread(task, "hygge-entity-" + count.incrementAndGet());
    thread.setDaemon(true);
    return thread;
  }
}
