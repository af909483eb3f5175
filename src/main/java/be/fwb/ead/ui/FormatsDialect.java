package be.fwb.ead.ui;

import java.time.Clock;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IExpressionObjectDialect;
import org.thymeleaf.expression.IExpressionObjectFactory;

/**
 * Gives templates {@code #ead}, the {@link Formats} of the page's language, and {@code #assets}, the addresses of the
 * pages' files ({@link Assets}).
 */
@Component
class FormatsDialect extends AbstractDialect implements IExpressionObjectDialect {

	private final Clock clock;
	private final Assets assets;

	FormatsDialect(Clock clock, Assets assets) {
		super("ead-formats");
		this.clock = clock;
		this.assets = assets;
	}

	@Override
	public IExpressionObjectFactory getExpressionObjectFactory() {
		return new IExpressionObjectFactory() {

			@Override
			public Set<String> getAllExpressionObjectNames() {
				return Set.of("ead", "assets");
			}

			@Override
			public Object buildObject(IExpressionContext context, String name) {
				return name.equals("assets") ? assets : new Formats(context.getLocale(), clock);
			}

			@Override
			public boolean isCacheable(String name) {
				return true;
			}
		};
	}
}
