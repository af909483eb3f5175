package be.fwb.ead.shared;

import java.util.Map;

import io.r2dbc.postgresql.PostgresqlConnectionFactoryProvider;
import org.springframework.boot.r2dbc.autoconfigure.ConnectionFactoryOptionsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The settings of every database connection of the service. PostgreSQL's just-in-time compilation is off: the service's
 * queries take milliseconds, and the JIT, which starts on the planner's cost estimate, spent 290 ms compiling the
 * exams' readiness query that runs in 9 ms (×10 catalogue, tables not yet analysed), tripling the catalogue analysis
 * page. The usual advice for short queries; the sync analyses the mirror's tables after it rewrote many rows.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

	@Bean
	ConnectionFactoryOptionsBuilderCustomizer connectionSettings() {
		return options -> options.option(PostgresqlConnectionFactoryProvider.OPTIONS, Map.of("jit", "off"));
	}
}
