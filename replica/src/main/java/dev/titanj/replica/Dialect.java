package dev.titanj.replica;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Locale;

/**
 * Every difference between the SQL the replica sends to H2 and to PostgreSQL: column types and
 * how a JSON parameter is bound. Everything else (plain INSERT and UPDATE, {@code CREATE ... IF
 * NOT EXISTS}, identity columns, {@code TIMESTAMP WITH TIME ZONE}) is the same text on both.
 */
enum Dialect {
  /**
   * H2 2.x (the embedded default). The record is text ({@code CHARACTER VARYING}, up to H2's
   * 1,048,576 characters, the same bound as its JSON type): H2's {@code JSON} type has no
   * operators to query with, and it parses and re-encodes every value written to it, which took a
   * fifth of a sync's time. Tables created as {@code JSON} by an earlier version keep that type
   * and are bound with {@code FORMAT JSON} ({@link #jsonParameter(String)}).
   */
  H2("CHARACTER VARYING", "?", false),
  /** PostgreSQL 10+. The record is JSONB, so it can be indexed and queried with JSON operators. */
  POSTGRESQL("JSONB", "CAST(? AS JSONB)", true);

  private final String jsonType;
  private final String jsonParameter;
  private final boolean inListLookup;

  Dialect(String jsonType, String jsonParameter, boolean inListLookup) {
    this.jsonType = jsonType;
    this.jsonParameter = jsonParameter;
    this.inListLookup = inListLookup;
  }

  /**
   * Whether the stored state of a batch is read with {@code tenant = ? AND id IN (...)}
   * (PostgreSQL turns that into one index scan) rather than one primary-key lookup per id (H2
   * uses only the tenant part of the key for an IN list on its second column, and an embedded
   * point lookup costs microseconds).
   */
  boolean inListLookup() {
    return inListLookup;
  }

  /** The column type of the record JSON. */
  String jsonType() {
    return jsonType;
  }

  /** The placeholder that binds a JSON string parameter to a {@link #jsonType()} column. */
  String jsonParameter() {
    return jsonParameter;
  }

  /**
   * The placeholder for a record column of {@code columnType} as the database reports it (an H2
   * table created with the {@code JSON} type keeps it); {@link #jsonParameter()} when unknown.
   */
  String jsonParameter(String columnType) {
    if (this == H2 && columnType != null && columnType.trim().equalsIgnoreCase("JSON")) {
      return "? FORMAT JSON";
    }
    return jsonParameter;
  }

  /** The column type of record ids of {@code idType}: BIGINT for integral ids, text otherwise. */
  String idType(Class<?> idType) {
    return isIntegral(idType) ? "BIGINT" : "VARCHAR(64)";
  }

  static boolean isIntegral(Class<?> idType) {
    return idType == Long.class || idType == Integer.class || idType == long.class
        || idType == int.class;
  }

  /** The dialect of the database behind {@code connection}. */
  static Dialect of(Connection connection) throws SQLException {
    DatabaseMetaData md = connection.getMetaData();
    String product = md.getDatabaseProductName();
    String p = product == null ? "" : product.toLowerCase(Locale.ROOT);
    if (p.contains("h2")) {
      return H2;
    }
    if (p.contains("postgres")) {
      return POSTGRESQL;
    }
    throw new ReplicaException("the replica runs on H2 or PostgreSQL; this database is " + product);
  }
}
