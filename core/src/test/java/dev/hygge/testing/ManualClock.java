package dev.hygge.testing;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A UTC clock a test moves by hand ({@link #advance}), and that can also move by itself by a fixed
 * step on every reading ({@link #ticking}), so time-dependent code runs the same every time.
 */
public final class ManualClock extends Clock {
  private final Duration tick;
  private Instant now;

  private ManualClock(Instant start, Duration tick) {
    this.now = requireNonNull(start, "start is null");
    this.tick = requireNonNull(tick, "tick is null");
  }

  /** A clock standing at {@code 2026-01-01T00:00:00Z} until moved. */
  public static ManualClock standing() {
    return new ManualClock(Instant.parse("2026-01-01T00:00:00Z"), Duration.ZERO);
  }

  /** A clock that moves {@code step} forward before every reading. */
  public static ManualClock ticking(Instant start, Duration step) {
    return new ManualClock(start, step);
  }

  /** Moves the clock forward. */
  public synchronized void advance(Duration by) {
    now = now.plus(by);
  }

  @Override
  public synchronized Instant instant() {
    now = now.plus(tick);
    return now;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }
}
