package be.fwb.ead;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The EAD tutor service: mirrors the Moodle catalogue and its vacataires, and runs the tutor corps.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class EadApplication {

	public static void main(String[] args) {
		SpringApplication.run(EadApplication.class, args);
	}
}
