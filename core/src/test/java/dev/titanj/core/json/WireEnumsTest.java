package dev.titanj.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.Types;
import dev.titanj.core.Active;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class WireEnumsTest {
  /** A WireEnum that breaks the contract: no UNKNOWN constant. */
  enum NoUnknown implements WireEnum {
    ONLY;

    @Override
    public String wireValue() {
      return "Only";
    }
  }

  @Test
  void fromWire_matchesWireValue_exactlyThenIgnoringCase() {
    assertThat(WireEnums.fromWire(SampleContactType.class, "Email"))
        .isEqualTo(SampleContactType.EMAIL);
    assertThat(WireEnums.fromWire(SampleContactType.class, "MOBILEPHONE"))
        .isEqualTo(SampleContactType.MOBILE_PHONE);
    assertThat(WireEnums.fromWire(Active.class, "true")).isEqualTo(Active.TRUE);
  }

  @Test
  void fromWire_whenDuplicateWireValue_returnsFirstDeclaredConstant() {
    assertThat(WireEnums.fromWire(SampleContactType.class, "Phone"))
        .isEqualTo(SampleContactType.PHONE);
  }

  @Test
  void fromWire_whenUnknownOrNull_returnsUnknownOrNull() {
    assertThat(WireEnums.fromWire(SampleContactType.class, "Fax"))
        .isEqualTo(SampleContactType.UNKNOWN);
    assertThat(WireEnums.fromWire(SampleContactType.class, "")).isEqualTo(SampleContactType.UNKNOWN);
    assertThat(WireEnums.fromWire(SampleContactType.class, null)).isNull();
  }

  @Test
  void fromWire_whenEnumHasNoUnknownConstant_failsFast() {
    assertThatThrownBy(() -> WireEnums.fromWire(NoUnknown.class, "Only"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("UNKNOWN");
  }

  @Test
  void adapter_readsWireValues_unknownAsUnknown_nullAsNull() throws IOException {
    JsonAdapter<List<SampleContactType>> adapter = TitanJson.moshi().adapter(
        Types.newParameterizedType(List.class, SampleContactType.class));
    assertThat(adapter.fromJson("[\"Phone\", \"Email\", \"Pager\", null, \"email\"]"))
        .containsExactly(SampleContactType.PHONE, SampleContactType.EMAIL,
            SampleContactType.UNKNOWN, null, SampleContactType.EMAIL);
  }

  @Test
  void adapter_readsBooleanTokens_forTrueFalseEnums() throws IOException {
    assertThat(TitanJson.moshi().adapter(Active.class).fromJson("true")).isEqualTo(Active.TRUE);
  }

  @Test
  void adapter_whenObjectInsteadOfString_fails() {
    assertThatThrownBy(() -> TitanJson.moshi().adapter(Active.class).fromJson("{}"))
        .isInstanceOf(JsonDataException.class)
        .hasMessageContaining("Active");
  }

  @Test
  void adapter_writesWireValue_andUnknownAsNull() {
    JsonAdapter<SampleContactType> adapter = TitanJson.moshi().adapter(SampleContactType.class);
    assertThat(adapter.toJson(SampleContactType.LANDLINE_PHONE)).isEqualTo("\"Phone\"");
    assertThat(adapter.toJson(SampleContactType.MOBILE_PHONE)).isEqualTo("\"MobilePhone\"");
    assertThat(adapter.toJson(SampleContactType.UNKNOWN)).isEqualTo("null");
  }

  @Test
  void everyConstantRoundTripsToAConstantWithTheSameWireValue() throws IOException {
    JsonAdapter<SampleContactType> adapter = TitanJson.moshi().adapter(SampleContactType.class);
    for (SampleContactType c : Arrays.asList(SampleContactType.values())) {
      if (c == SampleContactType.UNKNOWN) {
        continue;
      }
      assertThat(adapter.fromJson(adapter.toJson(c)).wireValue()).isEqualTo(c.wireValue());
    }
  }
}
