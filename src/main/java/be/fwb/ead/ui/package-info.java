/**
 * The web UI's shell: sign-in, the layout's model (who is signed in, CSRF token), language and formats (fr-BE first,
 * English on request), HTML error pages, server timing. Each capability renders its own screens
 * from its {@code web} package with the layout and formats defined here.
 */
@NullMarked
package be.fwb.ead.ui;

import org.jspecify.annotations.NullMarked;
