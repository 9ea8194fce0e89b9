package dev.titanj.core.json;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;

/**
 * Marks a TitanJ value type: an Immutables style (implementation {@code Immutable*} with a public
 * {@code builder()}, JDK collections only) that is also visible at run time, so {@link TitanJson}
 * can decode JSON through the generated builder and encode through the accessors.
 */
@Target({ElementType.TYPE, ElementType.PACKAGE})
@Retention(RetentionPolicy.RUNTIME)
@Value.Style(
    typeAbstract = "*",
    typeImmutable = "Immutable*",
    visibility = Value.Style.ImplementationVisibility.PUBLIC,
    jdkOnly = true,
    optionalAcceptNullable = true,
    defaults = @Value.Immutable(copy = true, prehash = false))
public @interface TitanValue {}
