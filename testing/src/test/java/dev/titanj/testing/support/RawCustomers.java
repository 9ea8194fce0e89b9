package dev.titanj.testing.support;

import dev.titanj.core.Active;
import dev.titanj.core.ExportCursor;
import dev.titanj.core.ExportFeed;
import dev.titanj.core.ListQuery;
import dev.titanj.core.ServiceTitan;
import dev.titanj.core.Sort;
import dev.titanj.core.SortField;
import dev.titanj.core.spi.ExportResponse;
import dev.titanj.core.spi.PagedResponse;
import dev.titanj.core.spi.QueryState;
import dev.titanj.core.internal.TitanContext;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import retrofit2.Call;
import retrofit2.http.Body;
import retrofit2.http.GET;
import retrofit2.http.PATCH;
import retrofit2.http.POST;
import retrofit2.http.Path;
import retrofit2.http.Query;
import retrofit2.http.QueryMap;

/**
 * A hand-written stand-in for a generated repository, built only on core's query runtime:
 * Retrofit interface + {@link TitanContext} + {@link ListQuery} + {@link ExportFeed}, over raw
 * JSON maps. It shows the fake server speaks what the runtime expects.
 */
public final class RawCustomers {
  /** Retrofit view of the customer endpoints. */
  public interface Api {
    @GET("crm/v2/tenant/{tenant}/customers")
    Call<PagedResponse<Map<String, Object>>> list(@Path("tenant") long tenant,
        @QueryMap Map<String, String> filters, @Query("page") int page,
        @Query("pageSize") int pageSize, @Query("includeTotal") Boolean includeTotal);

    @GET("crm/v2/tenant/{tenant}/customers/{id}")
    Call<Map<String, Object>> get(@Path("tenant") long tenant, @Path("id") long id);

    @POST("crm/v2/tenant/{tenant}/customers")
    Call<Map<String, Object>> create(@Path("tenant") long tenant, @Body Map<String, Object> body);

    @PATCH("crm/v2/tenant/{tenant}/customers/{id}")
    Call<Map<String, Object>> update(@Path("tenant") long tenant, @Path("id") long id,
        @Body Map<String, Object> body);

    @GET("crm/v2/tenant/{tenant}/export/customers")
    Call<ExportResponse<Map<String, Object>>> export(@Path("tenant") long tenant,
        @Query("from") String from, @Query("includeRecentChanges") Boolean includeRecentChanges);
  }

  /** Sort fields of the customer list. */
  public enum CustomerSort implements SortField<CustomerSort> {
    ID("Id"), NAME("Name"), CREATED_ON("CreatedOn"), MODIFIED_ON("ModifiedOn");

    private final String wire;

    CustomerSort(String wire) {
      this.wire = wire;
    }

    @Override
    public String wireName() {
      return wire;
    }
  }

  /** The customer query. */
  public static final class CustomerQuery extends ListQuery<Map<String, Object>, CustomerQuery> {
    CustomerQuery(QueryState<Map<String, Object>> state) {
      super(state);
    }

    @Override
    protected CustomerQuery withState(QueryState<Map<String, Object>> newState) {
      return new CustomerQuery(newState);
    }

    public CustomerQuery name(String name) {
      return param("name", name);
    }

    public CustomerQuery active(Active active) {
      return enumParam("active", active);
    }

    public CustomerQuery ids(Collection<Long> ids) {
      return idsParam("ids", ids);
    }

    public CustomerQuery modifiedOnOrAfter(Instant t) {
      return instantParam("modifiedOnOrAfter", t);
    }

    public CustomerQuery createdBefore(Instant t) {
      return instantParam("createdBefore", t);
    }

    public CustomerQuery sort(Sort<CustomerSort> sort) {
      return sortParam(sort);
    }
  }

  private final TitanContext ctx;
  private final Api api;

  public RawCustomers(ServiceTitan st) {
    this.ctx = TitanContext.of(st);
    this.api = ctx.api(Api.class);
  }

  public CustomerQuery query() {
    return new CustomerQuery(QueryState.initial((params, page, pageSize, includeTotal) ->
        ctx.execute(api.list(ctx.tenantId(), params.others(java.util.Set.of()), page, pageSize,
            includeTotal ? Boolean.TRUE : null)).toPage(page), 5000, ctx.pagingExecutor()));
  }

  public Optional<Map<String, Object>> findById(long id) {
    return ctx.executeOrEmptyOn404(api.get(ctx.tenantId(), id));
  }

  public Map<String, Object> create(Map<String, Object> body) {
    return ctx.execute(api.create(ctx.tenantId(), body));
  }

  public Map<String, Object> update(long id, Map<String, Object> body) {
    return ctx.execute(api.update(ctx.tenantId(), id, body));
  }

  public ExportFeed<Map<String, Object>> export(ExportCursor cursor) {
    return ExportFeed.of((from, recent) -> ctx.execute(api.export(ctx.tenantId(), from,
        recent ? Boolean.TRUE : null)).toBatch(from), cursor);
  }

  /** A JSON number as a long (Moshi reads numbers into maps as doubles). */
  public static long id(Map<String, Object> record) {
    return ((Number) record.get("id")).longValue();
  }
}
