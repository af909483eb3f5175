package be.fwb.ead.events;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import org.springframework.aop.framework.AopProxyUtils;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;
import reactor.core.publisher.Mono;

/**
 * The {@link ModuleListener} methods of the beans, by event type and by id. A listener is called on its bean's target
 * (never through a proxy: the dispatcher gives it its transaction).
 */
@Component
class Listeners implements BeanPostProcessor {

	/** One listener: {@code id} names it in the registry. */
	record Listener(String id, Class<?> eventType, Object target, Method method) {

		Mono<Void> on(Object event) {
			return Mono.defer(() -> {
				Object answer = ReflectionUtils.invokeMethod(method, target, event);
				return answer == null ? Mono.<Void>empty() : Mono.from((Publisher<?>) answer).then();
			});
		}
	}

	private final Map<Class<?>, List<Listener>> byType = new ConcurrentHashMap<>();
	private final Map<String, Listener> byId = new ConcurrentHashMap<>();

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		Class<?> type = AopUtils.getTargetClass(bean);
		Map<Method, ModuleListener> found = MethodIntrospector.selectMethods(type,
				(MethodIntrospector.MetadataLookup<ModuleListener>) m -> AnnotatedElementUtils.findMergedAnnotation(m, ModuleListener.class));
		found.keySet().forEach(method -> add(listener(target(bean), ClassUtils.getUserClass(type), method)));
		return bean;
	}

	/** The listeners of this event type (of exactly this class), in the order they were found. */
	List<Listener> of(Class<?> eventType) {
		return byType.getOrDefault(eventType, List.of());
	}

	@Nullable Listener byId(String id) {
		return byId.get(id);
	}

	/** The event type a publication names, if some listener takes it (nothing else is ever read back). */
	@Nullable Class<?> eventType(String name) {
		return byType.keySet().stream().filter(t -> t.getName().equals(name)).findFirst().orElse(null);
	}

	void add(Listener listener) {
		if (byId.putIfAbsent(listener.id(), listener) != null) {
			throw new IllegalStateException("Two listeners are named " + listener.id());
		}
		byType.computeIfAbsent(listener.eventType(), t -> new CopyOnWriteArrayList<>()).add(listener);
	}

	private static Listener listener(Object target, Class<?> type, Method method) {
		if (method.getParameterCount() != 1 || !Publisher.class.isAssignableFrom(method.getReturnType())) {
			throw new IllegalStateException("@ModuleListener " + type.getName() + "." + method.getName()
					+ " must take the event and return a Mono");
		}
		Class<?> event = method.getParameterTypes()[0];
		ReflectionUtils.makeAccessible(method);
		return new Listener(type.getName() + "." + method.getName() + "(" + event.getSimpleName() + ")", event, target, method);
	}

	private static Object target(Object bean) {
		Object target = bean;
		Object inner;
		while ((inner = AopProxyUtils.getSingletonTarget(target)) != null) {
			target = inner;
		}
		return target;
	}
}
