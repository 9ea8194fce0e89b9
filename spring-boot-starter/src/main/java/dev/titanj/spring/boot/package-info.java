/**
 * Spring Boot auto-configuration for TitanJ: a {@code ServiceTitan} bean from {@code titanj.*}
 * properties, module entry points, Micrometer metrics and an actuator health indicator.
 */
package dev.titanj.spring.boot;
