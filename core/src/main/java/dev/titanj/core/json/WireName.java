package dev.titanj.core.json;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The JSON property name of a value-type accessor when it differs from the accessor's name
 * (a Java keyword, a name with dots or dashes).
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface WireName {
  /** The name on the wire. */
  String value();
}
