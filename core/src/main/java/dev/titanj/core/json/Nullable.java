package dev.titanj.core.json;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an attribute of a value type that may be null. On a request list or map it means
 * <em>not set</em>: the builder leaves it null and the field is not sent, so an unset list is
 * never confused with an empty one (which ServiceTitan reads as "remove all").
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.PARAMETER, ElementType.FIELD})
public @interface Nullable {}
