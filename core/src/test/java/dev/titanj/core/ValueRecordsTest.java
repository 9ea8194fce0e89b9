package dev.titanj.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Page}, {@link ExportBatch} and {@link AccessToken} are records with checked values. */
class ValueRecordsTest {
  private static final Instant EXPIRES = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void page_isAValue_andCopiesItsItems() {
    List<String> items = new ArrayList<>(List.of("a", "b"));
    Page<String> page = new Page<>(items, 2, 50, true, null);
    items.add("c");

    assertThat(page.items()).containsExactly("a", "b");
    assertThatThrownBy(() -> page.items().add("d")).isInstanceOf(UnsupportedOperationException.class);
    assertThat(page).isEqualTo(new Page<>(List.of("a", "b"), 2, 50, true, null))
        .hasSameHashCodeAs(new Page<>(List.of("a", "b"), 2, 50, true, null))
        .isNotEqualTo(new Page<>(List.of("a", "b"), 2, 50, true, 9L));
  }

  @Test
  void page_totalCount_isPresentOnlyWhenSent() {
    assertThat(new Page<>(List.of(), 1, 50, false, null).totalCount()).isEmpty();
    assertThat(new Page<>(List.of(), 1, 50, false, 9L).totalCount()).hasValue(9L);
    assertThat(new Page<>(List.of(), 1, 50, false, 9L).total()).isEqualTo(9L);
  }

  @Test
  void page_toString_countsItemsInsteadOfShowingThem() {
    assertThat(new Page<>(List.of("secret-ish"), 3, 50, true, 7L))
        .hasToString("Page{number=3, items=1, hasMore=true, totalCount=7}");
  }

  @Test
  void page_withoutItems_isRefused() {
    assertThatThrownBy(() -> new Page<>(null, 1, 50, false, null))
        .isInstanceOf(NullPointerException.class).hasMessageContaining("items");
  }

  @Test
  void exportBatch_isAValue_andRefusesMissingParts() {
    ExportBatch<String> batch = new ExportBatch<>(List.of("a"), false, ExportCursor.from("t1"));
    assertThat(batch).isEqualTo(new ExportBatch<>(List.of("a"), false, ExportCursor.from("t1")))
        .hasSameHashCodeAs(new ExportBatch<>(List.of("a"), false, ExportCursor.from("t1")))
        .isNotEqualTo(new ExportBatch<>(List.of("a"), false, ExportCursor.from("t2")));
    assertThat(batch.toString()).contains("items=1").doesNotContain("[a]");
    assertThatThrownBy(() -> new ExportBatch<>(null, false, ExportCursor.from("t1")))
        .isInstanceOf(NullPointerException.class).hasMessageContaining("items");
    assertThatThrownBy(() -> new ExportBatch<>(List.of(), false, null))
        .isInstanceOf(NullPointerException.class).hasMessageContaining("next");
  }

  @Test
  void accessToken_toString_neverShowsTheToken() {
    AccessToken token = new AccessToken("eyJ-very-secret", EXPIRES);
    assertThat(token.toString()).doesNotContain("eyJ-very-secret").contains("<redacted>")
        .contains(EXPIRES.toString());
  }

  @Test
  void accessToken_isAValue() {
    assertThat(new AccessToken("abc", EXPIRES)).isEqualTo(new AccessToken("abc", EXPIRES))
        .hasSameHashCodeAs(new AccessToken("abc", EXPIRES))
        .isNotEqualTo(new AccessToken("abd", EXPIRES))
        .isNotEqualTo(new AccessToken("abc", EXPIRES.plusSeconds(1)));
  }

  @Test
  void accessToken_blankValueOrMissingExpiry_isRefused() {
    assertThatThrownBy(() -> new AccessToken(" ", EXPIRES))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("token value");
    assertThatThrownBy(() -> new AccessToken(null, EXPIRES))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new AccessToken("abc", null))
        .isInstanceOf(NullPointerException.class).hasMessageContaining("expiresAt");
  }

  @Test
  void accessToken_isExpiringWithin_countsTheMargin() {
    AccessToken token = new AccessToken("abc", EXPIRES);
    assertThat(token.isExpiringWithin(Duration.ofMinutes(5), EXPIRES.minusSeconds(301))).isFalse();
    assertThat(token.isExpiringWithin(Duration.ofMinutes(5), EXPIRES.minusSeconds(300))).isTrue();
  }

  @Test
  void accessToken_survivesJavaSerialization() throws Exception {
    AccessToken token = new AccessToken("abc", EXPIRES);
    assertThat(roundTrip(token)).isEqualTo(token);
  }

  private static Object roundTrip(Object value) throws IOException, ClassNotFoundException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(value);
    }
    try (ObjectInputStream in = new ObjectInputStream(
        new ByteArrayInputStream(bytes.toByteArray()))) {
      return in.readObject();
    }
  }
}
