package org.dialogkarta.database;

import com.zaxxer.hikari.HikariDataSource;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.datasource.lookup.AbstractRoutingDataSource;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Public reads from a streaming replica, when {@code DIALOGKARTA_DB_REPLICA_URL} names one: the
 * application's DataSource becomes a router that hands a public read ({@link PublicReads}) a
 * connection of the replica's own pool ({@link ReplicaOrPrimary}, which falls back to the
 * primary while the replica is down) and everything else one of the primary's. Without a
 * replica nothing here exists and everything uses the primary, as before. The replica lags the
 * primary by its replication delay (usually well under a second): a pin hidden that moment may
 * still be on a public map for that long.
 */
@Configuration
@ConditionalOnExpression("'${dialogkarta.db.replica-url:}' != ''")
class ReplicaRouting implements WebMvcConfigurer {

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(new PublicReads()).addPathPatterns(PublicReads.PATHS);
  }

  @Bean
  static BeanPostProcessor replicaRouter(Environment env) {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessAfterInitialization(Object bean, String name) {
        if (!name.equals("dataSource") || !(bean instanceof DataSource primary)) {
          return bean;
        }
        HikariDataSource replica = new HikariDataSource();
        replica.setPoolName("replica");
        replica.setJdbcUrl(env.getRequiredProperty("dialogkarta.db.replica-url"));
        replica.setUsername(env.getProperty("dialogkarta.db.replica-user", env.getProperty("spring.datasource.username")));
        replica.setPassword(env.getProperty("dialogkarta.db.replica-password",
            env.getProperty("spring.datasource.password")));
        replica.setReadOnly(true);
        replica.setMinimumIdle(0);
        // How long a public read waits for a replica connection before the primary stands in.
        replica.setConnectionTimeout(env.getProperty("dialogkarta.db.replica-timeout-ms", Long.class, 5_000L));
        replica.setInitializationFailTimeout(-1); // a replica that is down must not stop the start
        ReplicaOrPrimary reads = new ReplicaOrPrimary(replica, primary);
        AbstractRoutingDataSource router = new AbstractRoutingDataSource() {
          @Override
          protected Object determineCurrentLookupKey() {
            return PublicReads.active() ? "replica" : "primary";
          }
        };
        router.setTargetDataSources(Map.of("replica", reads, "primary", primary));
        router.setDefaultTargetDataSource(primary);
        router.afterPropertiesSet();
        return primary instanceof AutoCloseable pool ? new RoutedDataSource(router, reads, replica, pool)
            : new RoutedDataSource(router, reads, replica);
      }
    };
  }
}
