package be.fwb.ead.ui;

import be.fwb.ead.shared.Conflict;
import be.fwb.ead.shared.InvalidRequest;
import be.fwb.ead.shared.NotFound;
import be.fwb.ead.shared.Refused;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

import static org.assertj.core.api.Assertions.assertThat;

/** What the error page says for each failure: the status, and a detail only when it is meant for people. */
class ErrorPagesUnitTest {

	@Test
	void aFailureOfTheServiceIsA500ThatShowsNothingOfItsCause() {
		RuntimeException failure = new IllegalStateException("connexion à la base perdue : jdbc://secret@db");
		assertThat(ErrorPages.status(failure)).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
		assertThat(ErrorPages.detail(failure, HttpStatus.INTERNAL_SERVER_ERROR)).isNull();
	}

	@Test
	void theServicesRefusalsKeepTheirStatusAndTheirFrenchMessage() {
		assertThat(ErrorPages.status(new NotFound("Aucun vacataire."))).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(ErrorPages.status(new InvalidRequest("Date invalide."))).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(ErrorPages.status(new Refused("Plafond dépassé."))).isEqualTo(HttpStatus.valueOf(422));
		assertThat(ErrorPages.status(new Conflict("Déjà pris."))).isEqualTo(HttpStatus.CONFLICT);
		assertThat(ErrorPages.detail(new Refused("Plafond dépassé."), HttpStatus.valueOf(422))).isEqualTo("Plafond dépassé.");
	}

	@Test
	void anUnknownAddressSaysOnlyItsStatusAndARefusalByTheSecurityChainItsReason() {
		ResponseStatusException missing = new ResponseStatusException(HttpStatus.NOT_FOUND, "No static resource nulle-part.");
		assertThat(ErrorPages.status(missing)).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(ErrorPages.detail(missing, HttpStatus.NOT_FOUND)).as("pas l'anglais du framework").isNull();
		ResponseStatusException stale = new ResponseStatusException(HttpStatus.FORBIDDEN, "Ce formulaire a expiré.");
		assertThat(ErrorPages.detail(stale, HttpStatus.FORBIDDEN)).isEqualTo("Ce formulaire a expiré.");
	}
}
