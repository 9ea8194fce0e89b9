/**
 * Offline testing for code that uses TitanJ (add {@code titanj-testing} in test scope).
 *
 * <ul>
 *   <li>{@link dev.titanj.testing.FakeServiceTitan}: an embedded fake ServiceTitan on loopback
 *       (token endpoint, seeded CRM / Accounting / Settings / Dispatch data, synthesized records
 *       for every other operation of the installed modules' resource descriptors, paging,
 *       filters, export feeds, writes, injectable latency and faults), with
 *       {@link dev.titanj.testing.FakeServiceTitanExtension} for JUnit 5.</li>
 *   <li>{@link dev.titanj.testing.TitanFixtures}: record real exchanges once, replay them from
 *       readable JSON files ever after; secrets scrubbed, personal data optionally masked,
 *       {@link dev.titanj.testing.FixtureScanner} guards the files.</li>
 * </ul>
 *
 * <p>Choices worth knowing: the fake server accepts one tenant and one set of credentials
 * (configurable); {@code active} defaults to {@code True} and {@code activeState} to
 * {@code ActiveOnly}; export continuation tokens are opaque positions in a per-resource
 * modification log, so a resumed feed returns exactly the records changed since, each once
 * ({@code includeRecentChanges} is accepted and changes nothing); an export {@code from} date
 * starts at the first change on or after that day (UTC). Unknown query parameters are ignored,
 * as the real API does.
 */
package dev.titanj.testing;
