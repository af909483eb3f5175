package be.fwb.ead.ui;

import be.fwb.ead.shared.InvalidRequest;
import be.fwb.ead.shared.NotFound;
import be.fwb.ead.shared.PageController;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

/** Errors of the pages, as pages in the reader's language that say what to do; the API answers problem details. */
@ControllerAdvice(annotations = PageController.class)
class PageErrors {

	@ExceptionHandler(NotFound.class)
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String notFound(NotFound e, Model model) {
		model.addAttribute("status", 404);
		model.addAttribute("detail", e.getMessage());
		return "error/page";
	}

	@ExceptionHandler(InvalidRequest.class)
	@ResponseStatus(HttpStatus.BAD_REQUEST)
	String invalid(InvalidRequest e, Model model) {
		model.addAttribute("status", 400);
		model.addAttribute("detail", e.getMessage());
		return "error/page";
	}

	@ExceptionHandler(org.springframework.security.access.AccessDeniedException.class)
	@ResponseStatus(HttpStatus.FORBIDDEN)
	String forbidden(org.springframework.security.access.AccessDeniedException e, Model model) {
		model.addAttribute("status", 403);
		model.addAttribute("detail", e.getMessage());
		return "error/page";
	}
}
