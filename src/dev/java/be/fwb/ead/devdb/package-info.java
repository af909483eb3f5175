/**
 * A database that just works for the demo and the tests: the local PostgreSQL when one answers (the database is
 * created if missing), otherwise an embedded PostgreSQL started for the JVM. Never active in production.
 */
@NullMarked
package be.fwb.ead.devdb;

import org.jspecify.annotations.NullMarked;
