package dev.layerlab.vfs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock that moves only when a test says so. */
public final class FakeClock extends Clock {
  private Instant now;

  public FakeClock(Instant start) {
    this.now = start;
  }

  /** Starts at 2018-06-01T12:00:00Z, the time of the article. */
  public FakeClock() {
    this(Instant.parse("2018-06-01T12:00:00Z"));
  }

  public Instant advance(Duration d) {
    now = now.plus(d);
    return now;
  }

  public Instant advanceSeconds(long s) {
    return advance(Duration.ofSeconds(s));
  }

  @Override
  public Instant instant() {
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
