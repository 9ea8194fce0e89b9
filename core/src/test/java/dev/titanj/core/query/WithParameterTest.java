package dev.titanj.core.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.titanj.core.ListQuery;
import dev.titanj.core.spi.QueryState;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code withParameter} is for parameters the SDK has no typed method for; it cannot get round
 * the typed methods, the paging runtime or their caps, and refuses bad names and values before
 * anything is sent.
 */
class WithParameterTest {
  private final Executor executor = Runnable::run;
  private final FakePages pages = new FakePages(10);
  private final SampleQuery q = new SampleQuery(QueryState.initial(pages, 5000, executor));

  private static String ids(int n) {
    return LongStream.rangeClosed(1, n).mapToObj(Long::toString).collect(Collectors.joining(","));
  }

  @ParameterizedTest
  @CsvSource({"page,page(int)", "PAGE,page(int)", "pageSize,pageSize(int)",
      "pagesize,pageSize(int)", "PageSize,pageSize(int)", "includeTotal,count()",
      "INCLUDETOTAL,count()", "sort,sort(...)", "Sort,sort(...)", "ids,ids(...)",
      "IDS,ids(...)", "modifiedOnOrAfter,modifiedOnOrAfter(Instant)",
      "modifiedonorafter,modifiedOnOrAfter(Instant)", "modifiedBefore,modifiedBefore(Instant)",
      "createdOnOrAfter,createdOnOrAfter(Instant)", "CreatedBefore,createdBefore(Instant)"})
  void withParameter_whenTheRuntimeOrASharedTypedMethodOwnsTheName_isRefusedNamingTheMethod(
      String name, String method) {
    assertThatThrownBy(() -> q.withParameter(name, "1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(name + " is set through " + method)
        .hasMessageContaining("ignoring case");
    assertThat(pages.calls).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({"name,name(...)", "NAME,name(...)", "active,active(...)",
      "businessUnitIds,businessUnitIds(...)", "BUSINESSUNITIDS,businessUnitIds(...)",
      "assignedToIds,assignedToIds(...)", "statuses,statuses(...)", "State,state(...)"})
  void withParameter_whenTheQueryHasATypedMethodForTheName_isRefusedNamingIt(String name,
      String method) {
    assertThatThrownBy(() -> q.withParameter(name, "1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(name + " is set through " + method);
  }

  @Test
  void withParameter_onAnIdListWithoutTypedMethod_keepsThe50IdCap() {
    assertThat(q.withParameter("technicianIds", ids(50)).parameters().pairs())
        .containsExactly("technicianIds=" + ids(50));

    assertThatThrownBy(() -> q.withParameter("technicianIds", ids(51)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("technicianIds").hasMessageContaining("50")
        .hasMessageContaining("51");
    assertThatThrownBy(() -> q.withParameter("TECHNICIANIDS", ids(51)))
        .hasMessageContaining("50");
    assertThatThrownBy(() -> q.withParameter("technicianIds", ""))
        .hasMessageContaining("technicianIds");
  }

  @Test
  void withParameter_withANullValue_isRefusedNamingTheParameter() {
    assertThatThrownBy(() -> q.withParameter("newFilter", null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("value of parameter newFilter must not be null");
  }

  @Test
  void withParameter_withAValueOverTheLengthBound_isRefused() {
    String max = "x".repeat(ListQuery.MAX_PARAMETER_VALUE_LENGTH);

    assertThat(q.withParameter("newFilter", max).parameters().pairs()).hasSize(1);
    assertThatThrownBy(() -> q.withParameter("newFilter", max + "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("newFilter").hasMessageContaining("at most 2000");
  }

  @Test
  void withParameter_withAControlCharacterInTheValue_isRefused() {
    assertThatThrownBy(() -> q.withParameter("newFilter", "a\r\nb"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("control characters");
  }

  @ParameterizedTest
  @CsvSource(value = {"' '|blank", "'a b'|spaces", "'a&b'|&", "'a=b'|=", "'a?b'|?", "'a#b'|#"},
      delimiter = '|')
  void withParameter_withABadName_isRefused(String name, String expected) {
    assertThatThrownBy(() -> q.withParameter(name, "v"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(expected);
  }

  @Test
  void withParameter_withANameOverTheLengthBound_isRefused() {
    assertThatThrownBy(() -> q.withParameter("n".repeat(101), "v"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at most 100");
  }

  @Test
  void withParameter_forAParameterTheSdkHasNoMethodFor_isSentAsGiven() {
    assertThat(q.withParameter("futureFilter", "a,b").parameters().pairs())
        .containsExactly("futureFilter=a,b");
  }
}
