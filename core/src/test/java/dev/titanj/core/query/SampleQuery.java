package dev.titanj.core.query;

import dev.titanj.core.Active;
import dev.titanj.core.ListQuery;
import dev.titanj.core.Sort;
import dev.titanj.core.SortField;
import dev.titanj.core.spi.QueryState;
import java.time.Instant;
import java.util.Collection;

/** The query of the sample resource, shaped like a generated one. */
public final class SampleQuery extends ListQuery<Sample, SampleQuery> {
  public SampleQuery(QueryState<Sample> state) {
    super(state);
  }

  @Override
  protected SampleQuery withState(QueryState<Sample> newState) {
    return new SampleQuery(newState);
  }

  public SampleQuery ids(Collection<Long> ids) {
    return idsParam("ids", ids);
  }

  public SampleQuery name(String name) {
    return param("name", name);
  }

  public SampleQuery active(Active active) {
    return enumParam("active", active);
  }

  public SampleQuery statuses(Collection<String> statuses) {
    return paramList("statuses", statuses);
  }

  public SampleQuery modifiedOnOrAfter(Instant instant) {
    return instantParam("modifiedOnOrAfter", instant);
  }

  public SampleQuery sort(Sort<SampleSort> sort) {
    return sortParam(sort);
  }

  /** A comma-separated id list other than {@code ids}, like {@code businessUnitIds}. */
  public SampleQuery businessUnitIds(Collection<Long> ids) {
    return idsParam("businessUnitIds", ids);
  }

  /** An id list the spec types as an array, like {@code assignedToIds}. */
  public SampleQuery assignedToIds(Collection<Long> ids) {
    return paramList("assignedToIds", ids);
  }

  /** The state of an address: a filter named like the query's former state accessor. */
  public SampleQuery state(String state) {
    return param("state", state);
  }

  /** The sort of an operation whose spec lists no sort fields. */
  public SampleQuery sortByName(Sort<SortField.Named> sort) {
    return sortParam(sort);
  }
}
