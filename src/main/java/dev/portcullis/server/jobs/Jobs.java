package dev.portcullis.server.jobs;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import dev.portcullis.server.alerts.AlertEngine;
import dev.portcullis.server.alerts.DeliveryService;
import dev.portcullis.server.analysis.Reanalysis;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's jobs, run by db-scheduler on the server's PostgreSQL. Every process of a cluster polls
 * the same table and a job instance is picked by one process only, so a re-analysis or an alert
 * delivery runs once however many processes share the database.
 */
public final class Jobs implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Jobs.class);

    private final Scheduler scheduler;
    private final OneTimeTask<String> reanalysis;
    private final OneTimeTask<String> delivery;
    private final OneTimeTask<String> registryScan;

    /**
     * Creates the scheduler.
     *
     * @param vulnDbUpdate the daily {@code db update}, or null when the server does not update by itself
     */
    public Jobs(DataSource dataSource, String instanceName, Duration pollInterval, Reanalysis reanalyzer,
            AlertEngine alerts, DeliveryService deliveries, Runnable vulnDbUpdate, Duration updateInterval,
            RegistryScanJob registryScans) {
        this.registryScan = Tasks.oneTime("registry-scan", String.class)
                .onFailure(new FailureHandler.MaxRetriesFailureHandler<>(3,
                        new FailureHandler.ExponentialBackoffFailureHandler<>(Duration.ofSeconds(5))))
                .execute((instance, context) -> {
                    try {
                        registryScans.run(RegistryScanRequest.decode(instance.getData()));
                    } catch (RuntimeException e) {
                        throw e;
                    } catch (Exception e) {
                        throw new JobFailedException(e);
                    }
                });
        this.delivery = Tasks.oneTime("alert-delivery", String.class)
                .onFailure(new FailureHandler.MaxRetriesFailureHandler<>(5,
                        new FailureHandler.ExponentialBackoffFailureHandler<>(Duration.ofSeconds(2))))
                .execute((instance, context) -> {
                    String[] ids = instance.getData().split(":");
                    try {
                        deliveries.deliver(Long.parseLong(ids[0]), Long.parseLong(ids[1]));
                    } catch (RuntimeException e) {
                        throw e;
                    } catch (Exception e) {
                        throw new JobFailedException(e);
                    }
                });
        this.reanalysis = Tasks.oneTime("reanalysis", String.class)
                .execute((instance, context) -> {
                    Reanalysis.Result result = reanalyzer.run(instance.getData());
                    scheduleDeliveries(alerts.onRun(result.runId()));
                });
        RecurringTask<Void> ageCheck = Tasks.recurring("image-age-check", FixedDelay.of(Duration.ofHours(1)))
                .execute((instance, context) -> scheduleDeliveries(alerts.checkImageAge()));
        List<RecurringTask<?>> recurring = new ArrayList<>(List.of(ageCheck));
        if (vulnDbUpdate != null && updateInterval != null) {
            recurring.add(Tasks.recurring("vulndb-update", FixedDelay.of(updateInterval))
                    .execute((instance, context) -> {
                        vulnDbUpdate.run();
                        scheduleReanalysis("scheduled db update at " + Instant.now());
                    }));
        }
        List<Task<?>> oneTime = List.of(delivery, reanalysis, registryScan);
        this.scheduler = Scheduler.create(dataSource, oneTime)
                .startTasks(recurring)
                .schedulerName(new SchedulerName.Fixed(instanceName))
                .pollingInterval(pollInterval)
                .threads(4)
                .enableImmediateExecution()
                .build();
    }

    public void start() {
        scheduler.start();
    }

    /** Schedules one re-analysis, which one process of the cluster runs. */
    public void scheduleReanalysis(String reason) {
        String id = "run-" + java.util.UUID.randomUUID();
        scheduler.schedule(reanalysis.instance(id, reason), Instant.now());
        LOG.info("Scheduled re-analysis {} ({})", id, reason);
    }

    /** Schedules a registry scan and returns its job id. */
    public String scheduleRegistryScan(RegistryScanRequest request) {
        String id = "scan-" + java.util.UUID.randomUUID();
        scheduler.schedule(registryScan.instance(id, request.encode()), Instant.now());
        LOG.info("Scheduled registry scan {} of {}", id, request.reference());
        return id;
    }

    /** Runs one registry scan; a failure is retried up to three times. */
    @FunctionalInterface
    public interface RegistryScanJob {
        void run(RegistryScanRequest request) throws Exception;
    }

    private void scheduleDeliveries(List<AlertEngine.Event> events) {
        for (AlertEngine.Event event : events) {
            for (long channel : event.channelIds()) {
                String data = event.id() + ":" + channel;
                scheduler.scheduleIfNotExists(delivery.instance("event-" + event.id() + "-channel-" + channel, data),
                        Instant.now());
            }
        }
    }

    @Override
    public void close() {
        scheduler.stop();
    }

    /** Wraps a checked job failure so that db-scheduler's failure handler retries it. */
    static final class JobFailedException extends RuntimeException {
        JobFailedException(Exception cause) {
            super(cause.getMessage(), cause);
        }
    }
}
