package dev.titanj.reporting;

import dev.titanj.core.ListQuery;
import dev.titanj.core.spi.QueryState;

/**
 * One run of a report with checked parameters: {@link #stream()} reads its rows page by page
 * (core's paging: lazy, bounded, ends on {@code hasMore=false} or an empty page),
 * {@link #page(int)} reads one page with its {@code totalCount}, {@link #count()} asks for the
 * total. Every data request is paced per report ({@link ReportPacing}); pages are 25,000 rows
 * (the API's maximum) unless {@link #pageSize(int)} says otherwise, and are not prefetched, so a
 * page is requested (and its slot taken) only when it is read.
 */
public final class ReportQuery extends ListQuery<ReportRow, ReportQuery> {
  ReportQuery(QueryState<ReportRow> state) {
    super(state);
  }

  @Override
  protected ReportQuery withState(QueryState<ReportRow> newState) {
    return new ReportQuery(newState);
  }
}
