package dev.titanj.accounting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.titanj.accounting.model.TransactionStatus;
import dev.titanj.core.Sort;
import dev.titanj.core.SortField;
import dev.titanj.core.testsupport.ApiServer;
import java.lang.reflect.ParameterizedType;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Id lists, array filters and sort fields of the generated Accounting queries. */
class AccountingQueryFiltersTest {
  private static final String EMPTY_PAGE = "{\"page\":1,\"pageSize\":50,\"hasMore\":false,\"data\":[]}";
  private final ApiServer server = new ApiServer();
  private final Accounting accounting = Accounting.of(server.client());

  @AfterEach
  void close() {
    server.close();
  }

  private static List<Long> ids(int n) {
    return LongStream.rangeClosed(1, n).boxed().collect(Collectors.toList());
  }

  @Test
  void statuses_whenEmpty_throwsBeforeAnyRequest() {
    assertThatThrownBy(() -> accounting.invoices().query().statuses(List.of()).page(1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("statuses must not be empty");
    assertThat(server.pending()).isZero();
  }

  @Test
  void statuses_withANullElement_throwsBeforeAnyRequest() {
    assertThatThrownBy(() -> accounting.invoices().query()
            .statuses(Arrays.asList(TransactionStatus.POSTED, null)).page(1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("statuses must not contain null");
    assertThat(server.pending()).isZero();
  }

  @Test
  void businessUnitIds_with51Ids_throwsNamingTheArgument_beforeAnyRequest() {
    assertThatThrownBy(() -> accounting.payments().query().businessUnitIds(ids(51)).page(1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("businessUnitIds takes at most 50 ids, got 51");
    assertThatThrownBy(() -> accounting.payments().query().depositIds(ids(51)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("depositIds takes at most 50 ids, got 51");
    assertThatThrownBy(() -> accounting.creditMemos().query().appliedToInvoiceIds(ids(51)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("appliedToInvoiceIds takes at most 50 ids, got 51");
    assertThat(server.pending()).isZero();
  }

  @Test
  void assignedToIds_anArrayIdList_with51Ids_throwsBeforeAnyRequest() {
    assertThatThrownBy(() -> accounting.invoices().query().assignedToIds(ids(51)).page(1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("assignedToIds takes at most 50 ids, got 51");
    assertThat(server.pending()).isZero();
  }

  @Test
  void assignedToIds_with50Ids_repeatsTheKey() {
    server.answer(EMPTY_PAGE);

    accounting.invoices().query().assignedToIds(ids(50)).page(1);

    assertThat(server.take().getUrl().queryParameterValues("assignedToIds")).hasSize(50);
  }

  @Test
  void journalEntrySort_listsExactlyTheSpecsOptions() {
    assertThat(Arrays.stream(JournalEntrySort.values()).map(JournalEntrySort::wireName))
        .containsExactly("Id", "Number", "Name", "Status", "CreatedOn", "ExportedOn", "ExportedBy",
            "PostDate");
    assertThat(Arrays.stream(PaymentTermSort.values()).map(PaymentTermSort::wireName))
        .containsExactly("Id", "Name", "CreatedOn");
  }

  @Test
  void invoicesQuery_sort_takesAFieldByName_becauseTheSpecListsNone() throws Exception {
    for (String invented : List.of("InvoiceSort", "PaymentSort", "GlAccountSort", "ApCreditSort",
        "BankDepositSort", "CreditMemoSort")) {
      assertThatThrownBy(() -> Class.forName("dev.titanj.accounting." + invented))
          .isInstanceOf(ClassNotFoundException.class);
    }
    ParameterizedType sortType = (ParameterizedType) InvoiceQuery.class
        .getMethod("sort", Sort.class).getGenericParameterTypes()[0];
    assertThat(sortType.getActualTypeArguments()[0]).isEqualTo(SortField.Named.class);
    server.answer(EMPTY_PAGE);

    accounting.invoices().query().sort(SortField.named("InvoiceDate").descending()).page(1);

    assertThat(server.take().getUrl().queryParameter("sort")).isEqualTo("-InvoiceDate");
  }
}
