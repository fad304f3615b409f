package org.dialogkarta;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class DialogkartaApplication {

  public static void main(String[] args) {
    SpringApplication.run(DialogkartaApplication.class, args);
  }
}
