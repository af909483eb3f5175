/**
 * The web shell, which every screen and every endpoint goes through. For the capabilities' {@code web} packages: the
 * {@code @PageController} mark, the outcome of a posted form, form and upload input, a list's links and page numbers,
 * the texts of a request's language, problem details written before any controller. Its own: sign-in, the layout's
 * model (who is signed in, read through {@link be.fwb.ead.ui.Viewers}, CSRF token), language and formats (fr-BE first,
 * English on request), HTML error pages, server timing; {@code ui.web}, the API's side. Each capability renders its own
 * screens from its {@code web} package with the layout and formats defined here.
 */
@NullMarked
package be.fwb.ead.ui;

import org.jspecify.annotations.NullMarked;
