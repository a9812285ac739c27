/**
 * Platform plumbing shared by every feature module: configuration, the database (embedded or
 * external PostgreSQL), problem+json errors, security (JWT), rate limits, mail, request ids and
 * the injected clock. It holds no business rules, and it is an open module: its sub-packages
 * are meant to be used by the feature modules.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package io.refrain.platform;
