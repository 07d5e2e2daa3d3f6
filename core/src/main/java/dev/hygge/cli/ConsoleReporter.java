package dev.hygge.cli;

import dev.hygge.invoke.EntityReport;
import dev.hygge.invoke.EntityStatus;
import dev.hygge.invoke.RunListener;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Shows a run as it happens: a line when each entity starts and finishes and, while entities run,
 * their rows, megabytes and rate. On a terminal the progress is one status line redrawn in place;
 * elsewhere (CI logs, pipes) it is a plain line per running entity every few seconds.
 */
final class ConsoleReporter implements RunListener, AutoCloseable {
  private static final long TERMINAL_REFRESH_MILLIS = 250;
  private static final long PLAIN_REFRESH_MILLIS = 5_000;

  private final PrintWriter out;
  private final boolean terminal;
  private final int total;
  private final AtomicInteger started = new AtomicInteger();
  private final Map<String, Running> running = new ConcurrentHashMap<>();
  private final ScheduledExecutorService ticker;
  private int statusWidth;

  ConsoleReporter(PrintWriter out, Display display, int total) {
    this.out = out;
    this.terminal = display == Display.TERMINAL;
    this.total = total;
    this.ticker =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "hygge-progress");
              t.setDaemon(true);
              return t;
            });
    long period = terminal ? TERMINAL_REFRESH_MILLIS : PLAIN_REFRESH_MILLIS;
    ticker.scheduleAtFixedRate(this::tick, period, period, TimeUnit.MILLISECONDS);
  }

  /** Where output goes: a terminal gets a live status line, anything else plain lines. */
  enum Display {
    TERMINAL,
    PLAIN;

    static Display detect() {
      String term = System.getenv("TERM");
      boolean tty = System.console() != null && term != null && !term.equals("dumb");
      return tty ? TERMINAL : PLAIN;
    }
  }

  @Override
  public synchronized void entityStarted(String flow, String entity, String from, String to) {
    int index = started.incrementAndGet();
    String name = flow + "." + entity;
    running.put(name, new Running(index, System.nanoTime()));
    line(String.format("[%d of %d] START %s (%s -> %s)", index, total, name, from, to));
  }

  @Override
  public void progress(String flow, String entity, long rows, long bytes) {
    Running r = running.get(flow + "." + entity);
    if (r != null) {
      r.rows = rows;
      r.bytes = bytes;
    }
  }

  @Override
  public void entityFinished(EntityReport report) {
    Running r = running.remove(report.qualifiedName());
    int index = r == null ? 0 : r.index;
    String time = Numbers.duration(report.duration());
    if (report.status() == EntityStatus.SUCCESS) {
      line(
          String.format(
              "[%d of %d] FINISHED %s in %s (%s rows, %s, %s)",
              index,
              total,
              report.qualifiedName(),
              time,
              Numbers.count(report.rows()),
              Numbers.megabytes(report.bytes()),
              Numbers.rate(report.rows(), report.duration())));
    } else if (report.status() == EntityStatus.INCOMPLETE) {
      line(
          String.format(
              "[%d of %d] STOPPED %s at the time budget in %s (%s rows committed; a continuation"
                  + " takes the rest)",
              index, total, report.qualifiedName(), time, Numbers.count(report.rows())));
    } else if (report.status() == EntityStatus.FAILED) {
      line(
          String.format(
              "[%d of %d] FAILED %s in %s: %s",
              index, total, report.qualifiedName(), time, report.error().orElse("")));
    }
  }

  private synchronized void tick() {
    if (running.isEmpty()) {
      return;
    }
    if (terminal) {
      StringBuilder status = new StringBuilder();
      running.forEach(
          (name, r) -> {
            if (status.length() > 0) {
              status.append(" | ");
            }
            status.append(name).append(' ').append(r.describe());
          });
      String text = status.toString();
      out.print("\r" + text + " ".repeat(Math.max(0, statusWidth - text.length())));
      statusWidth = text.length();
      out.flush();
    } else {
      running.forEach((name, r) -> line("  " + name + ": " + r.describe()));
    }
  }

  private synchronized void line(String text) {
    if (terminal && statusWidth > 0) {
      out.print("\r" + " ".repeat(statusWidth) + "\r");
      statusWidth = 0;
    }
    out.println(text);
    out.flush();
  }

  @Override
  public void close() {
    ticker.shutdownNow();
    line("");
  }

  /** An entity in flight. */
  private static final class Running {
    private final int index;
    private final long startNanos;
    private volatile long rows;
    private volatile long bytes;

    Running(int index, long startNanos) {
      this.index = index;
      this.startNanos = startNanos;
    }

    String describe() {
      Duration elapsed = Duration.ofNanos(System.nanoTime() - startNanos);
      return Numbers.count(rows)
          + " rows, "
          + Numbers.megabytes(bytes)
          + ", "
          + Numbers.rate(rows, elapsed);
    }
  }
}
