package dev.titanj.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.titanj.core.RetryPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryAfterParsingTest {
  final Instant now = Instant.parse("2015-10-21T07:27:50Z");

  @Test
  void deltaSeconds() {
    assertThat(Errors.retryAfter("2", now)).isEqualTo(Duration.ofSeconds(2));
    assertThat(Errors.retryAfter(" 30 ", now)).isEqualTo(Duration.ofSeconds(30));
    assertThat(Errors.retryAfter("0", now)).isEqualTo(Duration.ZERO);
    assertThat(Errors.retryAfter("-5", now)).isEqualTo(Duration.ZERO);
  }

  @Test
  void httpDate_isMeasuredFromNow() {
    assertThat(Errors.retryAfter("Wed, 21 Oct 2015 07:28:00 GMT", now))
        .isEqualTo(Duration.ofSeconds(10));
    assertThat(Errors.retryAfter("Wed, 21 Oct 2015 07:00:00 GMT", now)).isEqualTo(Duration.ZERO);
  }

  @Test
  void absentOrUnreadable_isNull() {
    assertThat(Errors.retryAfter(null, now)).isNull();
    assertThat(Errors.retryAfter("", now)).isNull();
    assertThat(Errors.retryAfter("soon", now)).isNull();
  }

  @Test
  void backoff_growsExponentiallyWithinJitterBoundsAndIsCapped() {
    RetryPolicy policy = RetryPolicy.builder().maxAttempts(20).initialBackoff(Duration.ofMillis(100))
        .maxBackoff(Duration.ofSeconds(1)).build();
    RetryInterceptor low = new RetryInterceptor(policy, Clock.systemUTC(), d -> { }, null, false,
        () -> 0.0);
    RetryInterceptor high = new RetryInterceptor(policy, Clock.systemUTC(), d -> { }, null, false,
        () -> 0.999_999);

    assertThat(low.backoff(1)).isEqualTo(Duration.ofMillis(50));
    assertThat(high.backoff(1)).isEqualTo(Duration.ofMillis(99));
    assertThat(low.backoff(2)).isEqualTo(Duration.ofMillis(100));
    assertThat(low.backoff(3)).isEqualTo(Duration.ofMillis(200));
    assertThat(low.backoff(5)).isEqualTo(Duration.ofMillis(500)); // 1600 capped to 1000
    assertThat(high.backoff(19)).isLessThanOrEqualTo(Duration.ofSeconds(1));
    assertThat(low.backoff(40)).isEqualTo(Duration.ofMillis(500));
  }
}
