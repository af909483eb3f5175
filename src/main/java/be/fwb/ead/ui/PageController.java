package be.fwb.ead.ui;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.core.annotation.AliasFor;
import org.springframework.stereotype.Controller;

/**
 * A controller of the web UI: it renders HTML pages. Page controllers get the page model (who is signed in, the CSRF
 * token) and HTML error pages; {@code @RestController}s get neither and answer problem details.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Controller
public @interface PageController {

	@AliasFor(annotation = Controller.class)
	String value() default "";
}
