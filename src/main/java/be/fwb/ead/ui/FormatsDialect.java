package be.fwb.ead.ui;

import java.time.Clock;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IExpressionObjectDialect;
import org.thymeleaf.expression.IExpressionObjectFactory;

/** Gives templates {@code #ead}, the {@link Formats} of the page's language. */
@Component
class FormatsDialect extends AbstractDialect implements IExpressionObjectDialect {

	private final Clock clock;

	FormatsDialect(Clock clock) {
		super("ead-formats");
		this.clock = clock;
	}

	@Override
	public IExpressionObjectFactory getExpressionObjectFactory() {
		return new IExpressionObjectFactory() {

			@Override
			public Set<String> getAllExpressionObjectNames() {
				return Set.of("ead");
			}

			@Override
			public Object buildObject(IExpressionContext context, String name) {
				return new Formats(context.getLocale(), clock);
			}

			@Override
			public boolean isCacheable(String name) {
				return true;
			}
		};
	}
}
