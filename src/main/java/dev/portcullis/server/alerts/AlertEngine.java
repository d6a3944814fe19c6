package dev.portcullis.server.alerts;

import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns analysis changes and image ages into alert events, at most one per rule, image and cause, so
 * that a rule fires once however many processes evaluate it.
 *
 * <p>Rule conditions are JSON. {@code {"type":"new-finding","verdicts":["AFFECTED"],
 * "risks":["HIGH","CRITICAL"],"kev":true,"tag":"production"}} fires for findings that a re-analysis made
 * new or changed to one of the verdicts at one of the risks, or in KEV when {@code kev} is true, in
 * images carrying the tag. {@code {"type":"image-age","days":30}} fires for images whose latest scan
 * is older than that.
 */
public final class AlertEngine {

    private static final Logger LOG = LoggerFactory.getLogger(AlertEngine.class);

    private final Jdbi jdbi;

    public AlertEngine(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** A new event and the channels it goes to. */
    public record Event(long id, List<Long> channelIds) {}

    /** Creates the events that the changes of one re-analysis run fire. */
    public List<Event> onRun(long runId) {
        List<Event> events = jdbi.inTransaction(handle -> handle.createQuery("""
                with matched as (
                    select r.id as rule_id, r.name as rule, r.action, r.channel_ids, i.id as image_id,
                           i.name as image, p.name as project, i.tags,
                           jsonb_agg(jsonb_build_object('vulnId', c.vuln_id, 'package', c.package_name,
                                     'verdict', c.new_verdict, 'risk', c.risk, 'kev', f.kev, 'change', c.kind)
                                     order by c.vuln_id, c.package_name) as findings
                    from analysis_change c
                    join image i on i.id = c.image_id
                    join project p on p.id = i.project_id
                    join finding f on f.scan_id = c.scan_id and f.vuln_id = c.vuln_id
                                  and f.package_name = c.package_name
                    join alert_rule r on r.condition ->> 'type' = 'new-finding'
                    where c.run_id = :run and c.kind in ('NEW', 'VERDICT_CHANGED')
                      and ((r.condition -> 'tag') is null or (r.condition ->> 'tag') = any (i.tags))
                      and ((r.condition -> 'verdicts') is null or c.new_verdict in
                             (select jsonb_array_elements_text(r.condition -> 'verdicts')))
                      and (((r.condition -> 'risks') is not null and c.risk in
                             (select jsonb_array_elements_text(r.condition -> 'risks')))
                           or (coalesce((r.condition ->> 'kev')::boolean, false) and f.kev)
                           or ((r.condition -> 'risks') is null and (r.condition -> 'kev') is null))
                    group by r.id, i.id, p.name
                )
                insert into alert_event (rule_id, image_id, dedup_key, payload)
                select rule_id, image_id, 'run:' || :run || ':rule:' || rule_id || ':image:' || image_id,
                       jsonb_build_object('rule', rule, 'action', action, 'project', project, 'image', image,
                                          'tags', to_jsonb(tags), 'run', :run, 'findings', findings)
                from matched
                on conflict (dedup_key) do nothing
                returning id, (select channel_ids from alert_rule where id = rule_id) as channel_ids
                """).bind("run", runId).map((rs, ctx) -> new Event(rs.getLong("id"),
                List.of((Long[]) rs.getArray("channel_ids").getArray()))).list());
        LOG.info("Re-analysis {} fired {} alerts", runId, events.size());
        return events;
    }

    /** Creates the events of image-age rules for images whose latest scan is older than the rule allows. */
    public List<Event> checkImageAge() {
        List<Event> events = new ArrayList<>(jdbi.inTransaction(handle -> handle.createQuery("""
                insert into alert_event (rule_id, image_id, dedup_key, payload)
                select r.id, i.id, 'age:rule:' || r.id || ':scan:' || ls.id,
                       jsonb_build_object('rule', r.name, 'action', r.action, 'project', p.name, 'image', i.name,
                                          'tags', to_jsonb(i.tags), 'scannedAt', ls.scanned_at,
                                          'findings', '[]'::jsonb)
                from alert_rule r
                cross join image i
                join project p on p.id = i.project_id
                join lateral (select id, scanned_at from scan where image_id = i.id order by id desc limit 1) ls
                  on true
                where r.condition ->> 'type' = 'image-age'
                  and ls.scanned_at < now() - make_interval(days => (r.condition ->> 'days')::int)
                on conflict (dedup_key) do nothing
                returning id, (select channel_ids from alert_rule where id = rule_id) as channel_ids
                """).map((rs, ctx) -> new Event(rs.getLong("id"),
                List.of((Long[]) rs.getArray("channel_ids").getArray()))).list()));
        if (!events.isEmpty()) {
            LOG.info("Image age check fired {} alerts", events.size());
        }
        return events;
    }
}
