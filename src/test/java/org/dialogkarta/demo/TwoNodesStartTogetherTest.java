package org.dialogkarta.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.dialogkarta.DialogkartaApplication;
import org.dialogkarta.demo.DemoMunicipality.Contents;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.support.ResourcePropertySource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Two app nodes starting at the same moment on a fresh database, as two nodes behind a load
 * balancer do (issue 17). Both migrate it, then both reach {@code security.FirstAdmin} together
 * (a runner ahead of it holds each node until the other has come as far), and then
 * {@link DemoData}, which runs next, within moments of each other. The nodes are given different
 * first administrators, so that without the lock both would be created. Exactly one
 * administrator and one copy of the demo come of it, and both nodes start.
 *
 * <p>The nodes are two whole services in this JVM, in a schema of their own in the test database
 * (dropped before and after), so the test database's own tables never see the demo data.
 */
class TwoNodesStartTogetherTest {

  private static final String SCHEMA = "two_nodes_start";

  private final JdbcClient db = testDatabase();

  @BeforeEach
  @AfterEach
  void freshSchema() {
    db.sql("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE").update();
  }

  @Test
  void makeOneFirstAdministratorAndOneCopyOfTheDemo() throws Exception {
    db.sql("CREATE SCHEMA " + SCHEMA).update();
    CyclicBarrier together = new CyclicBarrier(2);
    List<Object> nodes;
    try (ExecutorService starting = Executors.newFixedThreadPool(2)) {
      Future<ConfigurableApplicationContext> a = starting.submit(() -> start("forsta", together));
      Future<ConfigurableApplicationContext> b = starting.submit(() -> start("andra", together));
      nodes = List.of(outcome(a), outcome(b));
    }
    nodes.stream().filter(ConfigurableApplicationContext.class::isInstance)
        .forEach(n -> ((ConfigurableApplicationContext) n).close());
    assertThat(nodes).as("both nodes started").allMatch(ConfigurableApplicationContext.class::isInstance);

    assertThat(count("staff_account WHERE 'admin' = ANY (roles)")).as("administrators").isEqualTo(1);
    Contents demo = DemoMunicipality.norrkoping();
    assertThat(count("neighbourhood")).isEqualTo(demo.neighbourhoods().size());
    assertThat(count("dialogue")).isEqualTo(demo.dialogues().size());
    assertThat(count("walk")).isEqualTo(demo.walks().size());
    assertThat(count("pin")).isEqualTo(demo.pins().size() + DemoShapes.SHAPES.size());
    // The demo's lines and areas keep the rules a citizen's must pass (pin.ShapeRules).
    assertThat(count("""
        pin p WHERE p.drawn_shape IS NOT NULL AND ST_IsValid(p.drawn_shape) AND ST_IsSimple(p.drawn_shape)
          AND EXISTS (SELECT 1 FROM %s.dialogue d WHERE d.id = p.dialogue_id AND d.slug = '%s'
                      AND 'area' = ANY (d.accepted_shapes) AND 'line' = ANY (d.accepted_shapes)
                      AND ST_Covers(d.study_area, p.location) AND ST_Intersects(d.study_area, p.drawn_shape))
          AND CASE GeometryType(p.drawn_shape)
                WHEN 'LINESTRING' THEN ST_Length(p.drawn_shape::geography) BETWEEN 1 AND 20000
                WHEN 'POLYGON' THEN ST_Area(p.drawn_shape::geography) BETWEEN 1 AND 10000000 END""".formatted(
        SCHEMA, DemoMunicipality.VILLAGES))).isEqualTo(DemoShapes.SHAPES.size());
    assertThat(count("department")).isEqualTo(db.sql("SELECT count(DISTINCT name) FROM " + SCHEMA + ".department")
        .query(Long.class).single());
  }

  /** One node: the whole service on a free port, in the test schema, with demo data and a first administrator. */
  private static ConfigurableApplicationContext start(String admin, CyclicBarrier together) {
    return new SpringApplicationBuilder(DialogkartaApplication.class)
        .profiles("test")
        .initializers(context -> context.getBeanFactory().registerSingleton("together", new Together(together)))
        .run("--server.port=0",
            "--spring.flyway.schemas=" + SCHEMA,
            "--spring.datasource.hikari.connection-init-sql=SET search_path TO " + SCHEMA + ", public",
            "--spring.datasource.hikari.maximum-pool-size=4",
            "--dialogkarta.demo-data=true",
            "--dialogkarta.admin.username=" + admin,
            "--dialogkarta.admin.password=ett-langt-losenord-2026",
            // The production cost: a quarter second between the check and the insert.
            "--dialogkarta.password-hash-cost=12");
  }

  /** The started node, or what kept it from starting. */
  private static Object outcome(Future<ConfigurableApplicationContext> node) throws InterruptedException {
    try {
      return node.get(5, TimeUnit.MINUTES);
    } catch (ExecutionException e) {
      e.getCause().printStackTrace();
      return e.getCause();
    } catch (java.util.concurrent.TimeoutException e) {
      return e;
    }
  }

  private long count(String tableAndCondition) {
    return db.sql("SELECT count(*) FROM " + SCHEMA + "." + tableAndCondition).query(Long.class).single();
  }

  /** The test database as the test profile names it. */
  private static JdbcClient testDatabase() {
    StandardEnvironment env = new StandardEnvironment();
    try {
      env.getPropertySources().addLast(new ResourcePropertySource("classpath:application-test.properties"));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return JdbcClient.create(new DriverManagerDataSource(env.getRequiredProperty("spring.datasource.url"),
        env.getRequiredProperty("spring.datasource.username"), env.getRequiredProperty("spring.datasource.password")));
  }

  /** Runs before every other runner and lets its node on only when the other node is there too. */
  private record Together(CyclicBarrier barrier) implements ApplicationRunner, Ordered {
    @Override
    public void run(ApplicationArguments args) throws Exception {
      barrier.await(3, TimeUnit.MINUTES);
    }

    @Override
    public int getOrder() {
      return Ordered.HIGHEST_PRECEDENCE;
    }
  }
}
