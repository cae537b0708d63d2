<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="en_US">
<context>
    <name>audience</name>
    <message>
        <location filename="../../../playlists/proof_of_play.py"/>
        <source>no camera signal</source>
        <translation>no camera signal</translation>
    </message>
    <message>
        <location filename="../../../playlists/proof_of_play.py"/>
        <source>nobody</source>
        <translation>nobody</translation>
    </message>
    <message>
        <location filename="../../../playlists/proof_of_play.py"/>
        <source>{people} ({segment}, confidence {confidence})</source>
        <translation>{people} ({segment}, confidence {confidence})</translation>
    </message>
    <message>
        <location filename="../../../playlists/proof_of_play.py"/>
        <source>{people} of unknown age (confidence {confidence})</source>
        <translation>{people} of unknown age (confidence {confidence})</translation>
    </message>
    <message>
        <location filename="../../../playlists/proof_of_play.py"/>
        <source>{people}, mostly {segment} (confidence {confidence})</source>
        <translation>{people}, mostly {segment} (confidence {confidence})</translation>
    </message>
</context>
<context>
    <name>cli.report</name>
    <message numerus="yes">
        <location filename="../../../signage/cli_report.py"/>
        <source>%n plays</source>
        <translation>
            <numerusform>%n play</numerusform>
            <numerusform>%n plays</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../../signage/cli_report.py"/>
        <source>(all)</source>
        <translation>(all)</translation>
    </message>
    <message>
        <location filename="../../../signage/cli_report.py"/>
        <source>(default)</source>
        <translation>(default)</translation>
    </message>
    <message>
        <location filename="../../../signage/cli_report.py"/>
        <source>ATTENTION_S/OPP</source>
        <translation>ATTENTION_S/OPP</translation>
    </message>
    <message>
        <location filename="../../../signage/cli_report.py"/>
        <source>AUDIENCE</source>
        <translation>AUDIENCE</translation>
    </message>
    <message>
        <location filename="../../../signage/cli_report.py"/>
        <source>DWELL_S/OPP</source>
        <translation>DWELL_S/OPP</translation>
    </message>
    <message>
        <location filename="../../../signage/cli_report.py"/>
        <source>ITEM</source>
        <translation>ITEM</translation>
    </message>
    <message>
        <location filename="../../../signage/cli_report.py"/>
        <source>MEASURED</source>
        <translation>MEASURED</translation>
    </message>
    <message>
        <location filename="../../../signage/cli_report.py"/>
        <source>OPPORTUNITIES</source>
        <translation>OPPORTUNITIES</translation>
    </message>
    <message>
        <location filename="../../../signage/cli_report.py"/>
        <source>OUTCOME</source>
        <translation>OUTCOME</translation>
    </message>
    <message>
        <location filename="../../../signage/cli_report.py"/>
        <source>PLAYLIST</source>
        <translation>PLAYLIST</translation>
    </message>
    <message>
        <location filename="../../../signage/cli_report.py"/>
        <source>PLAYS</source>
        <translation>PLAYS</translation>
    </message>
    <message>
        <location filename="../../../signage/cli_report.py"/>
        <source>RULE</source>
        <translation>RULE</translation>
    </message>
    <message>
        <location filename="../../../signage/cli_report.py"/>
        <source>SHOWN_S</source>
        <translation>SHOWN_S</translation>
    </message>
    <message>
        <location filename="../../../signage/cli_report.py"/>
        <source>START</source>
        <translation>START</translation>
    </message>
    <message>
        <location filename="../../../signage/cli_report.py"/>
        <source>VIEWERS</source>
        <translation>VIEWERS</translation>
    </message>
    <message>
        <location filename="../../../signage/cli_report.py"/>
        <source>VIEWER_SHARE</source>
        <translation>VIEWER_SHARE</translation>
    </message>
    <message>
        <location filename="../../../signage/cli_report.py"/>
        <source>before {end}</source>
        <translation>before {end}</translation>
    </message>
    <message>
        <location filename="../../../signage/cli_report.py"/>
        <source>failed</source>
        <translation>failed</translation>
    </message>
    <message>
        <location filename="../../../signage/cli_report.py"/>
        <source>from {start}</source>
        <translation>from {start}</translation>
    </message>
    <message>
        <location filename="../../../signage/cli_report.py"/>
        <source>from {start} to {end}</source>
        <translation>from {start} to {end}</translation>
    </message>
    <message>
        <location filename="../../../signage/cli_report.py"/>
        <source>in the log</source>
        <translation>in the log</translation>
    </message>
    <message>
        <location filename="../../../signage/cli_report.py"/>
        <source>interrupted</source>
        <translation>interrupted</translation>
    </message>
    <message>
        <location filename="../../../signage/cli_report.py"/>
        <source>on screen</source>
        <translation>on screen</translation>
    </message>
    <message>
        <location filename="../../../signage/cli_report.py"/>
        <source>played</source>
        <translation>played</translation>
    </message>
    <message>
        <location filename="../../../signage/cli_report.py"/>
        <source>unfinished</source>
        <translation>unfinished</translation>
    </message>
    <message>
        <location filename="../../../signage/cli_report.py"/>
        <source>{count} failed</source>
        <translation>{count} failed</translation>
    </message>
    <message>
        <location filename="../../../signage/cli_report.py"/>
        <source>{count} interrupted</source>
        <translation>{count} interrupted</translation>
    </message>
    <message>
        <location filename="../../../signage/cli_report.py"/>
        <source>{count} on screen</source>
        <translation>{count} on screen</translation>
    </message>
    <message>
        <location filename="../../../signage/cli_report.py"/>
        <source>{count} played</source>
        <translation>{count} played</translation>
    </message>
    <message>
        <location filename="../../../signage/cli_report.py"/>
        <source>{count} unfinished</source>
        <translation>{count} unfinished</translation>
    </message>
    <message>
        <location filename="../../../signage/cli_report.py"/>
        <source>{total}: {outcomes}</source>
        <translation>{total}: {outcomes}</translation>
    </message>
</context>
<context>
    <name>cli.rules</name>
    <message numerus="yes">
        <location filename="../../../signage/cli_learn.py"/>
        <source>%n baskets</source>
        <translation>
            <numerusform>%n basket</numerusform>
            <numerusform>%n baskets</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../../signage/cli_learn.py"/>
        <source>%n categories</source>
        <translation>
            <numerusform>%n category</numerusform>
            <numerusform>%n categories</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../../signage/cli_learn.py"/>
        <source>%n findings</source>
        <translation>
            <numerusform>%n finding</numerusform>
            <numerusform>%n findings</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../../signage/cli_rules.py"/>
        <source>%n items</source>
        <translation>
            <numerusform>%n item</numerusform>
            <numerusform>%n items</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../../signage/cli_simulate.py"/>
        <source>%n playlists</source>
        <translation>
            <numerusform>%n playlist</numerusform>
            <numerusform>%n playlists</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../../signage/cli_simulate.py"/>
        <source>%n rules</source>
        <translation>
            <numerusform>%n rule</numerusform>
            <numerusform>%n rules</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../../signage/cli_learn.py"/>
        <source>%n suggested rules:</source>
        <translation>
            <numerusform>%n suggested rule:</numerusform>
            <numerusform>%n suggested rules:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../../signage/cli_rules.py"/>
        <source>%n suggestions wait for a decision: `signage rules suggestions`.</source>
        <translation>
            <numerusform>%n suggestion waits for a decision: `signage rules suggestions`.</numerusform>
            <numerusform>%n suggestions wait for a decision: `signage rules suggestions`.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../../signage/cli_simulate.py"/>
        <source>(A new database: the sample content and the seed rules were added to {path}.)</source>
        <translation>(A new database: the sample content and the seed rules were added to {path}.)</translation>
    </message>
    <message>
        <location filename="../../../signage/cli_learn.py"/>
        <source>(not suggested: {problem})</source>
        <translation>(not suggested: {problem})</translation>
    </message>
    <message>
        <location filename="../../../signage/cli_learn.py"/>
        <source>--dry-run: no rule changed.</source>
        <translation>--dry-run: no rule changed.</translation>
    </message>
    <message>
        <location filename="../../../signage/cli_learn.py"/>
        <source>Accepted {name}: it is switched on and plays when it matches.</source>
        <translation>Accepted {name}: it is switched on and plays when it matches.</translation>
    </message>
    <message>
        <location filename="../../../signage/cli_simulate.py"/>
        <source>At {day} {date} {time}</source>
        <translation>At {day} {date} {time}</translation>
    </message>
    <message>
        <location filename="../../../signage/cli_rules.py"/>
        <source>CONDITIONS</source>
        <translation>CONDITIONS</translation>
    </message>
    <message>
        <location filename="../../../signage/cli_rules.py"/>
        <source>ENABLED</source>
        <translation>ENABLED</translation>
    </message>
    <message>
        <location filename="../../../signage/cli_rules.py"/>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <location filename="../../../signage/cli_learn.py"/>
        <source>No learned rules yet: run `signage rules learn`.</source>
        <translation>No learned rules yet: run `signage rules learn`.</translation>
    </message>
    <message>
        <location filename="../../../signage/cli_rules.py"/>
        <source>No rules yet: `signage rules add --help` or `signage rules import FILE`.</source>
        <translation>No rules yet: `signage rules add --help` or `signage rules import FILE`.</translation>
    </message>
    <message>
        <location filename="../../../signage/cli_simulate.py"/>
        <source>Nothing seeded: the database already has a history of rules and playlists (`signage rules import` a copy of playlists/seed.py's rules to start again).</source>
        <translation>Nothing seeded: the database already has a history of rules and playlists (`signage rules import` a copy of playlists/seed.py's rules to start again).</translation>
    </message>
    <message>
        <location filename="../../../signage/cli_rules.py"/>
        <source>ORIGIN</source>
        <translation>ORIGIN</translation>
    </message>
    <message>
        <location filename="../../../signage/cli_rules.py"/>
        <source>PLAYLIST</source>
        <translation>PLAYLIST</translation>
    </message>
    <message>
        <location filename="../../../signage/cli_rules.py"/>
        <source>PRIORITY</source>
        <translation>PRIORITY</translation>
    </message>
    <message>
        <location filename="../../../signage/cli_learn.py"/>
        <source>Rejected {name}: deleted, and re-learning will not suggest it again.</source>
        <translation>Rejected {name}: deleted, and re-learning will not suggest it again.</translation>
    </message>
    <message>
        <location filename="../../../signage/cli_learn.py"/>
        <source>Review them with `signage rules suggestions`, then `signage rules accept NAME` or `reject NAME`.</source>
        <translation>Review them with `signage rules suggestions`, then `signage rules accept NAME` or `reject NAME`.</translation>
    </message>
    <message>
        <location filename="../../../signage/cli_learn.py"/>
        <source>Rules: {added} added (switched off), {updated} updated, {kept} kept as the marketer left them, {rejected} rejected before, {stale} stale suggestions removed.</source>
        <translation>Rules: {added} added (switched off), {updated} updated, {kept} kept as the marketer left them, {rejected} rejected before, {stale} stale suggestions removed.</translation>
    </message>
    <message>
        <location filename="../../../signage/cli_simulate.py"/>
        <source>Seeded: {rules}, {playlists}.</source>
        <translation>Seeded: {rules}, {playlists}.</translation>
    </message>
    <message>
        <location filename="../../../signage/cli_rules.py"/>
        <source>by hand</source>
        <translation>by hand</translation>
    </message>
    <message>
        <location filename="../../../signage/cli_rules.py"/>
        <source>default playlist: {name}</source>
        <translation>default playlist: {name}</translation>
    </message>
    <message>
        <location filename="../../../signage/cli_rules.py"/>
        <source>default playlist: {name} (was {before})</source>
        <translation>default playlist: {name} (was {before})</translation>
    </message>
    <message>
        <location filename="../../../signage/cli_rules.py"/>
        <source>learned</source>
        <translation>learned</translation>
    </message>
    <message>
        <location filename="../../../signage/cli_rules.py"/>
        <source>learned, edited</source>
        <translation>learned, edited</translation>
    </message>
    <message>
        <location filename="../../../signage/cli_rules.py"/>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <location filename="../../../signage/cli_rules.py"/>
        <source>playlist {name} changed (version {version})</source>
        <translation>playlist {name} changed (version {version})</translation>
    </message>
    <message>
        <location filename="../../../signage/cli_rules.py"/>
        <source>playlist {name} created (version {version}, {items})</source>
        <translation>playlist {name} created (version {version}, {items})</translation>
    </message>
    <message>
        <location filename="../../../signage/cli_rules.py"/>
        <source>playlist {name} deleted (version {version}; `signage playlists restore {plain} {previous}` brings it back)</source>
        <translation>playlist {name} deleted (version {version}; `signage playlists restore {plain} {previous}` brings it back)</translation>
    </message>
    <message>
        <location filename="../../../signage/cli_rules.py"/>
        <source>playlist {name} unchanged (version {version})</source>
        <translation>playlist {name} unchanged (version {version})</translation>
    </message>
    <message>
        <location filename="../../../signage/cli_rules.py"/>
        <source>rule {name} already disabled (version {version})</source>
        <translation>rule {name} already disabled (version {version})</translation>
    </message>
    <message>
        <location filename="../../../signage/cli_rules.py"/>
        <source>rule {name} already enabled (version {version})</source>
        <translation>rule {name} already enabled (version {version})</translation>
    </message>
    <message>
        <location filename="../../../signage/cli_rules.py"/>
        <source>rule {name} changed (version {version}): {conditions} -&gt; {playlist}</source>
        <translation>rule {name} changed (version {version}): {conditions} -&gt; {playlist}</translation>
    </message>
    <message>
        <location filename="../../../signage/cli_rules.py"/>
        <source>rule {name} changed (version {version}): {conditions} -&gt; {playlist}; origin is now {origin}</source>
        <translation>rule {name} changed (version {version}): {conditions} -&gt; {playlist}; origin is now {origin}</translation>
    </message>
    <message>
        <location filename="../../../signage/cli_rules.py"/>
        <source>rule {name} created (version {version}): {conditions} -&gt; {playlist}</source>
        <translation>rule {name} created (version {version}): {conditions} -&gt; {playlist}</translation>
    </message>
    <message>
        <location filename="../../../signage/cli_rules.py"/>
        <source>rule {name} deleted (version {version}; `signage rules restore {plain} {previous}` brings it back)</source>
        <translation>rule {name} deleted (version {version}; `signage rules restore {plain} {previous}` brings it back)</translation>
    </message>
    <message>
        <location filename="../../../signage/cli_rules.py"/>
        <source>rule {name} disabled (version {version})</source>
        <translation>rule {name} disabled (version {version})</translation>
    </message>
    <message>
        <location filename="../../../signage/cli_rules.py"/>
        <source>rule {name} enabled (version {version})</source>
        <translation>rule {name} enabled (version {version})</translation>
    </message>
    <message>
        <location filename="../../../signage/cli_rules.py"/>
        <source>rule {name} unchanged (version {version})</source>
        <translation>rule {name} unchanged (version {version})</translation>
    </message>
    <message>
        <location filename="../../../signage/cli_rules.py"/>
        <source>yes</source>
        <translation>yes</translation>
    </message>
    <message>
        <location filename="../../../signage/cli_learn.py"/>
        <source>{baskets}, {categories}</source>
        <translation>{baskets}, {categories}</translation>
    </message>
    <message>
        <location filename="../../../signage/cli_learn.py"/>
        <source>{findings} (lift at least {lift}, lower 95% bound above 1, at least {baskets} baskets in the context); the strongest:</source>
        <translation>{findings} (lift at least {lift}, lower 95% bound above 1, at least {baskets} baskets in the context); the strongest:</translation>
    </message>
    <message>
        <location filename="../../../signage/cli_learn.py"/>
        <source>{measured} (randomised holdout, {category})</source>
        <translation>{measured} (randomised holdout, {category})</translation>
    </message>
    <message>
        <location filename="../../../signage/cli_learn.py"/>
        <source>{sentence}  [{category}: support {support}, confidence {confidence}, lift {lift} (at least {lower})]</source>
        <translation>{sentence}  [{category}: support {support}, confidence {confidence}, lift {lift} (at least {lower})]</translation>
    </message>
</context>
<context>
    <name>decision</name>
    <message>
        <location filename="../../../playlists/decision.py"/>
        <source>(nothing)</source>
        <translation>(nothing)</translation>
    </message>
    <message>
        <location filename="../../../playlists/decision.py"/>
        <source>Audience: {audience}</source>
        <translation>Audience: {audience}</translation>
    </message>
    <message>
        <location filename="../../../playlists/decision.py"/>
        <source>Audience: {audience}; company: {company}</source>
        <translation>Audience: {audience}; company: {company}</translation>
    </message>
    <message>
        <location filename="../../../playlists/decision.py"/>
        <source>Fri</source>
        <translation>Fri</translation>
    </message>
    <message>
        <location filename="../../../playlists/decision.py"/>
        <source>Holdout control for rule {rule}, which would have played {playlist}: {reason}</source>
        <translation>Holdout control for rule {rule}, which would have played {playlist}: {reason}</translation>
    </message>
    <message>
        <location filename="../../../playlists/decision.py"/>
        <source>Holdout: the control arm for rule {rule}; the targeted arm would have shown {playlist}.</source>
        <translation>Holdout: the control arm for rule {rule}; the targeted arm would have shown {playlist}.</translation>
    </message>
    <message>
        <location filename="../../../playlists/decision.py"/>
        <source>Holdout: the targeted arm for rule {rule}; the control arm would have shown {playlist}.</source>
        <translation>Holdout: the targeted arm for rule {rule}; the control arm would have shown {playlist}.</translation>
    </message>
    <message>
        <location filename="../../../playlists/decision.py"/>
        <source>Items: none</source>
        <translation>Items: none</translation>
    </message>
    <message>
        <location filename="../../../playlists/decision.py"/>
        <source>Items: {items}</source>
        <translation>Items: {items}</translation>
    </message>
    <message>
        <location filename="../../../playlists/decision.py"/>
        <source>Minors guardrail: held back {items} because {reason}.</source>
        <translation>Minors guardrail: held back {items} because {reason}.</translation>
    </message>
    <message>
        <location filename="../../../playlists/decision.py"/>
        <source>Mon</source>
        <translation>Mon</translation>
    </message>
    <message>
        <location filename="../../../playlists/decision.py"/>
        <source>Nothing is playable: no rule matched and the default playlist has no playable item.</source>
        <translation>Nothing is playable: no rule matched and the default playlist has no playable item.</translation>
    </message>
    <message>
        <location filename="../../../playlists/decision.py"/>
        <source>Other rules:</source>
        <translation>Other rules:</translation>
    </message>
    <message>
        <location filename="../../../playlists/decision.py"/>
        <source>Plays: {playlist}</source>
        <translation>Plays: {playlist}</translation>
    </message>
    <message>
        <location filename="../../../playlists/decision.py"/>
        <source>Rule {rule} (priority {priority}) applies on {day} {time}: {conditions}.</source>
        <translation>Rule {rule} (priority {priority}) applies on {day} {time}: {conditions}.</translation>
    </message>
    <message>
        <location filename="../../../playlists/decision.py"/>
        <source>Rule {rule} (priority {priority}) matched {audience} on {day} {time}: {conditions}.</source>
        <translation>Rule {rule} (priority {priority}) matched {audience} on {day} {time}: {conditions}.</translation>
    </message>
    <message>
        <location filename="../../../playlists/decision.py"/>
        <source>Sat</source>
        <translation>Sat</translation>
    </message>
    <message>
        <location filename="../../../playlists/decision.py"/>
        <source>Sun</source>
        <translation>Sun</translation>
    </message>
    <message>
        <location filename="../../../playlists/decision.py"/>
        <source>The audience is uncertain (confidence {confidence}, below {minimum}): only rules without audience conditions could match.</source>
        <translation>The audience is uncertain (confidence {confidence}, below {minimum}): only rules without audience conditions could match.</translation>
    </message>
    <message>
        <location filename="../../../playlists/decision.py"/>
        <source>The camera has no signal: only rules without audience conditions could match.</source>
        <translation>The camera has no signal: only rules without audience conditions could match.</translation>
    </message>
    <message>
        <location filename="../../../playlists/decision.py"/>
        <source>The default playlist {playlist} plays: every rule is switched off.</source>
        <translation>The default playlist {playlist} plays: every rule is switched off.</translation>
    </message>
    <message>
        <location filename="../../../playlists/decision.py"/>
        <source>The default playlist {playlist} plays: no rule matched.</source>
        <translation>The default playlist {playlist} plays: no rule matched.</translation>
    </message>
    <message>
        <location filename="../../../playlists/decision.py"/>
        <source>The default playlist {playlist} plays: there are no rules.</source>
        <translation>The default playlist {playlist} plays: there are no rules.</translation>
    </message>
    <message>
        <location filename="../../../playlists/decision.py"/>
        <source>Thu</source>
        <translation>Thu</translation>
    </message>
    <message>
        <location filename="../../../playlists/decision.py"/>
        <source>Tue</source>
        <translation>Tue</translation>
    </message>
    <message>
        <location filename="../../../playlists/decision.py"/>
        <source>Wed</source>
        <translation>Wed</translation>
    </message>
    <message>
        <location filename="../../../playlists/decision.py"/>
        <source>Why: {reason}</source>
        <translation>Why: {reason}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../../playlists/decision.py"/>
        <source>already started %n times in the last hour (its maximum)</source>
        <translation>
            <numerusform>already started %n time in the last hour (its maximum)</numerusform>
            <numerusform>already started %n times in the last hour (its maximum)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../../playlists/decision.py"/>
        <source>company not known</source>
        <translation>company not known</translation>
    </message>
    <message>
        <location filename="../../../playlists/decision.py"/>
        <source>everyone, at any time</source>
        <translation>everyone, at any time</translation>
    </message>
    <message>
        <location filename="../../../playlists/decision.py"/>
        <source>from {start} to {end}</source>
        <translation>from {start} to {end}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../../playlists/decision.py"/>
        <source>groups of %n or more</source>
        <translation>
            <numerusform>groups of %n or more</numerusform>
            <numerusform>groups of %n or more</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../../playlists/decision.py"/>
        <source>groups of {low} to {high}</source>
        <translation>groups of {low} to {high}</translation>
    </message>
    <message>
        <location filename="../../../playlists/decision.py"/>
        <source>its playlist {playlist} has nothing playable now</source>
        <translation>its playlist {playlist} has nothing playable now</translation>
    </message>
    <message>
        <location filename="../../../playlists/decision.py"/>
        <source>matched, but lost the weighted draw among equal priorities (weight {weight})</source>
        <translation>matched, but lost the weighted draw among equal priorities (weight {weight})</translation>
    </message>
    <message>
        <location filename="../../../playlists/decision.py"/>
        <source>matches the audience, but this decision is in the holdout's control arm (no targeting)</source>
        <translation>matches the audience, but this decision is in the holdout's control arm (no targeting)</translation>
    </message>
    <message>
        <location filename="../../../playlists/decision.py"/>
        <source>matches too, but a rule of higher priority won</source>
        <translation>matches too, but a rule of higher priority won</translation>
    </message>
    <message>
        <location filename="../../../playlists/decision.py"/>
        <source>needs a known audience, and the audience is uncertain</source>
        <translation>needs a known audience, and the audience is uncertain</translation>
    </message>
    <message>
        <location filename="../../../playlists/decision.py"/>
        <source>needs someone in front of the screen, and nobody is there</source>
        <translation>needs someone in front of the screen, and nobody is there</translation>
    </message>
    <message>
        <location filename="../../../playlists/decision.py"/>
        <source>no camera signal</source>
        <translation>no camera signal</translation>
    </message>
    <message>
        <location filename="../../../playlists/decision.py"/>
        <source>no visitor is likely to be a minor</source>
        <translation>no visitor is likely to be a minor</translation>
    </message>
    <message>
        <location filename="../../../playlists/decision.py"/>
        <source>nobody is there</source>
        <translation>nobody is there</translation>
    </message>
    <message>
        <location filename="../../../playlists/decision.py"/>
        <source>nobody there</source>
        <translation>nobody there</translation>
    </message>
    <message>
        <location filename="../../../playlists/decision.py"/>
        <source>of unknown age</source>
        <translation>of unknown age</translation>
    </message>
    <message>
        <location filename="../../../playlists/decision.py"/>
        <source>resting: cooldown of {seconds} s after its last start</source>
        <translation>resting: cooldown of {seconds} s after its last start</translation>
    </message>
    <message>
        <location filename="../../../playlists/decision.py"/>
        <source>runs from {start} to {end}, not on {day}</source>
        <translation>runs from {start} to {end}, not on {day}</translation>
    </message>
    <message>
        <location filename="../../../playlists/decision.py"/>
        <source>runs {days}, not on {day}</source>
        <translation>runs {days}, not on {day}</translation>
    </message>
    <message>
        <location filename="../../../playlists/decision.py"/>
        <source>runs {hours}, not at {time}</source>
        <translation>runs {hours}, not at {time}</translation>
    </message>
    <message>
        <location filename="../../../playlists/decision.py"/>
        <source>someone in the group may be a minor</source>
        <translation>someone in the group may be a minor</translation>
    </message>
    <message>
        <location filename="../../../playlists/decision.py"/>
        <source>switched off</source>
        <translation>switched off</translation>
    </message>
    <message>
        <location filename="../../../playlists/decision.py"/>
        <source>targets a gender, and gender targeting is switched off</source>
        <translation>targets a gender, and gender targeting is switched off</translation>
    </message>
    <message>
        <location filename="../../../playlists/decision.py"/>
        <source>targets another gender than the audience's</source>
        <translation>targets another gender than the audience's</translation>
    </message>
    <message>
        <location filename="../../../playlists/decision.py"/>
        <source>the audience is {who}</source>
        <translation>the audience is {who}</translation>
    </message>
    <message>
        <location filename="../../../playlists/decision.py"/>
        <source>the audience's age is not given</source>
        <translation>the audience's age is not given</translation>
    </message>
    <message>
        <location filename="../../../playlists/decision.py"/>
        <source>the camera has no signal</source>
        <translation>the camera has no signal</translation>
    </message>
    <message>
        <location filename="../../../playlists/decision.py"/>
        <source>visitor {visitor} may be a minor (probability {probability}, threshold {threshold})</source>
        <translation>visitor {visitor} may be a minor (probability {probability}, threshold {threshold})</translation>
    </message>
    <message>
        <location filename="../../../playlists/decision.py"/>
        <source>visitor {visitor}'s age is not known yet</source>
        <translation>visitor {visitor}'s age is not known yet</translation>
    </message>
    <message>
        <location filename="../../../playlists/decision.py"/>
        <source>wants visitors staying {wanted} s or more; the longest stayed {actual} s</source>
        <translation>wants visitors staying {wanted} s or more; the longest stayed {actual} s</translation>
    </message>
    <message>
        <location filename="../../../playlists/decision.py"/>
        <source>wants {wanted}; the audience is {actual}</source>
        <translation>wants {wanted}; the audience is {actual}</translation>
    </message>
    <message>
        <location filename="../../../playlists/decision.py"/>
        <source>wants {wanted}; the audience wears {actual}</source>
        <translation>wants {wanted}; the audience wears {actual}</translation>
    </message>
    <message>
        <location filename="../../../playlists/decision.py"/>
        <source>wants {wanted}; the audience's clothes are not recognised</source>
        <translation>wants {wanted}; the audience's clothes are not recognised</translation>
    </message>
    <message>
        <location filename="../../../playlists/decision.py"/>
        <source>wants {wanted}; {people} there</source>
        <translation>wants {wanted}; {people} there</translation>
    </message>
    <message>
        <location filename="../../../playlists/decision.py"/>
        <source>{first}, {second}</source>
        <translation>{first}, {second}</translation>
    </message>
    <message>
        <location filename="../../../playlists/decision.py"/>
        <source>{item} ({seconds} s)</source>
        <translation>{item} ({seconds} s)</translation>
    </message>
    <message>
        <location filename="../../../playlists/decision.py"/>
        <source>{people} ({segment}, confidence {confidence})</source>
        <translation>{people} ({segment}, confidence {confidence})</translation>
    </message>
    <message>
        <location filename="../../../playlists/decision.py"/>
        <source>{people} of unknown age (confidence {confidence})</source>
        <translation>{people} of unknown age (confidence {confidence})</translation>
    </message>
    <message>
        <location filename="../../../playlists/decision.py"/>
        <source>{people}, mostly {segment} (confidence {confidence})</source>
        <translation>{people}, mostly {segment} (confidence {confidence})</translation>
    </message>
    <message>
        <location filename="../../../playlists/decision.py"/>
        <source>{rule} (priority {priority}): {why}</source>
        <translation>{rule} (priority {priority}): {why}</translation>
    </message>
    <message>
        <location filename="../../../playlists/decision.py"/>
        <source>{who}, {when}</source>
        <translation>{who}, {when}</translation>
    </message>
</context>
<context>
    <name>learning</name>
    <message>
        <location filename="../../../playlists/learning.py"/>
        <source>(no finding recorded)</source>
        <translation>(no finding recorded)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../../playlists/learning.py"/>
        <source>Plays {playlist}, the playlist with the most ads tagged {tag} ({tagged} of its %n), but your rules play it for {aimed}. A playlist of its own, say {new_name}, would suit {who} better.</source>
        <translation>
            <numerusform>Plays {playlist}, the playlist with the most ads tagged {tag} ({tagged} of its %n), but your rules play it for {aimed}. A playlist of its own, say {new_name}, would suit {who} better.</numerusform>
            <numerusform>Plays {playlist}, the playlist with the most ads tagged {tag} ({tagged} of its %n), but your rules play it for {aimed}. A playlist of its own, say {new_name}, would suit {who} better.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../../playlists/learning.py"/>
        <source>Plays {playlist}, which has no ads tagged {tag}: choose a playlist with {tag} ads.</source>
        <translation>Plays {playlist}, which has no ads tagged {tag}: choose a playlist with {tag} ads.</translation>
    </message>
    <message>
        <location filename="../../../playlists/learning.py"/>
        <source>Plays {playlist}.</source>
        <translation>Plays {playlist}.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../../playlists/learning.py"/>
        <source>Plays {playlist}: %n of its {items} ads are tagged {tag}, and your rules already play it for this audience at this time.</source>
        <translation>
            <numerusform>Plays {playlist}: %n of its {items} ads is tagged {tag}, and your rules already play it for this audience at this time.</numerusform>
            <numerusform>Plays {playlist}: %n of its {items} ads are tagged {tag}, and your rules already play it for this audience at this time.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../../playlists/learning.py"/>
        <source>Plays {playlist}: %n of its {items} ads are tagged {tag}; no rule of yours plays it yet.</source>
        <translation>
            <numerusform>Plays {playlist}: %n of its {items} ads is tagged {tag}; no rule of yours plays it yet.</numerusform>
            <numerusform>Plays {playlist}: %n of its {items} ads are tagged {tag}; no rule of yours plays it yet.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../../playlists/learning.py"/>
        <source>When learned: {finding}. Since edited: it plays {playlist} for {who}, {when}.</source>
        <translation>When learned: {finding}. Since edited: it plays {playlist} for {who}, {when}.</translation>
    </message>
    <message>
        <location filename="../../../playlists/learning.py"/>
        <source>accepted</source>
        <translation>accepted</translation>
    </message>
    <message>
        <location filename="../../../playlists/learning.py"/>
        <source>accepted, edited by a marketer</source>
        <translation>accepted, edited by a marketer</translation>
    </message>
    <message>
        <location filename="../../../playlists/learning.py"/>
        <source>at any time</source>
        <translation>at any time</translation>
    </message>
    <message>
        <location filename="../../../playlists/learning.py"/>
        <source>at lunchtime at weekends, {hours}</source>
        <translation>at lunchtime at weekends, {hours}</translation>
    </message>
    <message>
        <location filename="../../../playlists/learning.py"/>
        <source>at lunchtime on weekdays, {hours}</source>
        <translation>at lunchtime on weekdays, {hours}</translation>
    </message>
    <message>
        <location filename="../../../playlists/learning.py"/>
        <source>at weekends</source>
        <translation>at weekends</translation>
    </message>
    <message>
        <location filename="../../../playlists/learning.py"/>
        <source>counted only for any age</source>
        <translation>counted only for any age</translation>
    </message>
    <message>
        <location filename="../../../playlists/learning.py"/>
        <source>every day, {hours}</source>
        <translation>every day, {hours}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../../playlists/learning.py"/>
        <source>measured {effect} ({low} to {high}) over %n days</source>
        <translation>
            <numerusform>measured {effect} ({low} to {high}) over %n day</numerusform>
            <numerusform>measured {effect} ({low} to {high}) over %n days</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../../playlists/learning.py"/>
        <source>no playlist has content tagged '{tag}'</source>
        <translation>no playlist has content tagged '{tag}'</translation>
    </message>
    <message>
        <location filename="../../../playlists/learning.py"/>
        <source>not suggested to minors: content tagged '{tag}' is age-restricted</source>
        <translation>not suggested to minors: content tagged '{tag}' is age-restricted</translation>
    </message>
    <message>
        <location filename="../../../playlists/learning.py"/>
        <source>on weekday afternoons, {hours}</source>
        <translation>on weekday afternoons, {hours}</translation>
    </message>
    <message>
        <location filename="../../../playlists/learning.py"/>
        <source>on weekday early mornings, {hours}</source>
        <translation>on weekday early mornings, {hours}</translation>
    </message>
    <message>
        <location filename="../../../playlists/learning.py"/>
        <source>on weekday evenings, {hours}</source>
        <translation>on weekday evenings, {hours}</translation>
    </message>
    <message>
        <location filename="../../../playlists/learning.py"/>
        <source>on weekday mornings, {hours}</source>
        <translation>on weekday mornings, {hours}</translation>
    </message>
    <message>
        <location filename="../../../playlists/learning.py"/>
        <source>on weekday nights, {hours}</source>
        <translation>on weekday nights, {hours}</translation>
    </message>
    <message>
        <location filename="../../../playlists/learning.py"/>
        <source>on weekdays</source>
        <translation>on weekdays</translation>
    </message>
    <message>
        <location filename="../../../playlists/learning.py"/>
        <source>on weekend afternoons, {hours}</source>
        <translation>on weekend afternoons, {hours}</translation>
    </message>
    <message>
        <location filename="../../../playlists/learning.py"/>
        <source>on weekend early mornings, {hours}</source>
        <translation>on weekend early mornings, {hours}</translation>
    </message>
    <message>
        <location filename="../../../playlists/learning.py"/>
        <source>on weekend evenings, {hours}</source>
        <translation>on weekend evenings, {hours}</translation>
    </message>
    <message>
        <location filename="../../../playlists/learning.py"/>
        <source>on weekend mornings, {hours}</source>
        <translation>on weekend mornings, {hours}</translation>
    </message>
    <message>
        <location filename="../../../playlists/learning.py"/>
        <source>on weekend nights, {hours}</source>
        <translation>on weekend nights, {hours}</translation>
    </message>
    <message>
        <location filename="../../../playlists/learning.py"/>
        <source>on {days}</source>
        <translation>on {days}</translation>
    </message>
    <message>
        <location filename="../../../playlists/learning.py"/>
        <source>purchase age band -&gt; audience age groups (share of the band's years), baskets</source>
        <translation>purchase age band -&gt; audience age groups (share of the band's years), baskets</translation>
    </message>
    <message>
        <location filename="../../../playlists/learning.py"/>
        <source>shoppers of the segment {segment}</source>
        <translation>shoppers of the segment {segment}</translation>
    </message>
    <message>
        <location filename="../../../playlists/learning.py"/>
        <source>suggested</source>
        <translation>suggested</translation>
    </message>
    <message>
        <location filename="../../../playlists/learning.py"/>
        <source>suggested, edited by a marketer</source>
        <translation>suggested, edited by a marketer</translation>
    </message>
    <message numerus="yes">
        <location filename="../../../playlists/learning.py"/>
        <source>support {support}, confidence {confidence}, lift {lift} (lower 95% bound {lower}), {baskets} baskets</source>
        <translation>
            <numerusform>support {support}, confidence {confidence}, lift {lift} (lower 95% bound {lower}), {baskets} basket</numerusform>
            <numerusform>support {support}, confidence {confidence}, lift {lift} (lower 95% bound {lower}), {baskets} baskets</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../../playlists/learning.py"/>
        <source>the camera cannot see this segment (no attire assumption for it)</source>
        <translation>the camera cannot see this segment (no attire assumption for it)</translation>
    </message>
    <message>
        <location filename="../../../playlists/learning.py"/>
        <source>what playlist {playlist} shows</source>
        <translation>what playlist {playlist} shows</translation>
    </message>
    <message>
        <location filename="../../../playlists/learning.py"/>
        <source>{days}, {hours}</source>
        <translation>{days}, {hours}</translation>
    </message>
    <message>
        <location filename="../../../playlists/learning.py"/>
        <source>{who} ({rule})</source>
        <translation>{who} ({rule})</translation>
    </message>
    <message>
        <location filename="../../../playlists/learning.py"/>
        <source>{who} buy {what} {lift} times as often as shoppers overall {when} (at least {lower} times, 95 % sure)</source>
        <translation>{who} buy {what} {lift} times as often as shoppers overall {when} (at least {lower} times, 95 % sure)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../../playlists/learning.py"/>
        <source>{who} buy {what} {lift} times as often as shoppers overall {when} (at least {lower} times, 95 % sure), in {baskets} baskets</source>
        <translation>
            <numerusform>{who} buy {what} {lift} times as often as shoppers overall {when} (at least {lower} times, 95 % sure), in {baskets} basket</numerusform>
            <numerusform>{who} buy {what} {lift} times as often as shoppers overall {when} (at least {lower} times, 95 % sure), in {baskets} baskets</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../../playlists/learning.py"/>
        <source>{who} in {attire}</source>
        <translation>{who} in {attire}</translation>
    </message>
    <message>
        <location filename="../../../playlists/learning.py"/>
        <source>{who}: {company}</source>
        <translation>{who}: {company}</translation>
    </message>
</context>
<context>
    <name>player</name>
    <message>
        <location filename="../../../playlists/playback.py"/>
        <source>(nothing)</source>
        <translation>(nothing)</translation>
    </message>
    <message>
        <location filename="../../../playlists/playback.py"/>
        <source>audience: no snapshot yet</source>
        <translation>audience: no snapshot yet</translation>
    </message>
    <message>
        <location filename="../../../playlists/playback.py"/>
        <source>audience: {audience}</source>
        <translation>audience: {audience}</translation>
    </message>
    <message>
        <location filename="../../../playlists/playback.py"/>
        <source>decision: {playlist} - {reason}</source>
        <translation>decision: {playlist} - {reason}</translation>
    </message>
    <message>
        <location filename="../../../playlists/playback.py"/>
        <source>minors guardrail withheld: {items}</source>
        <translation>minors guardrail withheld: {items}</translation>
    </message>
    <message>
        <location filename="../../../playlists/playback.py"/>
        <source>next: {playlist} ({reason})</source>
        <translation>next: {playlist} ({reason})</translation>
    </message>
    <message>
        <location filename="../../../playlists/playback.py"/>
        <source>playing: the built-in slide {item}</source>
        <translation>playing: the built-in slide {item}</translation>
    </message>
    <message>
        <location filename="../../../playlists/playback.py"/>
        <source>playing: {playlist} / {item} (rule {rule})</source>
        <translation>playing: {playlist} / {item} (rule {rule})</translation>
    </message>
    <message>
        <location filename="../../../playlists/playback.py"/>
        <source>playing: {playlist} / {item} (the default playlist)</source>
        <translation>playing: {playlist} / {item} (the default playlist)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../../playlists/playback.py"/>
        <source>rules revision {revision}, %n rules</source>
        <translation>
            <numerusform>rules revision {revision}, %n rule</numerusform>
            <numerusform>rules revision {revision}, %n rules</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../../playlists/playback.py"/>
        <source>the playlist's playable items changed</source>
        <translation>the playlist's playable items changed</translation>
    </message>
    <message>
        <location filename="../../../playlists/playback.py"/>
        <source>waits for the current item to end (equal or lower priority)</source>
        <translation>waits for the current item to end (equal or lower priority)</translation>
    </message>
</context>
<context>
    <name>player.samples</name>
    <message>
        <location filename="../../../content/samples.py"/>
        <source>2 bags for $3</source>
        <translation>2 bags for $3</translation>
    </message>
    <message>
        <location filename="../../../content/samples.py"/>
        <source>6-pack $9.99 - ID required</source>
        <translation>6-pack $9.99 - ID required</translation>
    </message>
    <message>
        <location filename="../../../content/samples.py"/>
        <source>Any can $1.99</source>
        <translation>Any can $1.99</translation>
    </message>
    <message>
        <location filename="../../../content/samples.py"/>
        <source>Bento Box</source>
        <translation>Bento Box</translation>
    </message>
    <message>
        <location filename="../../../content/samples.py"/>
        <source>Business Headlines</source>
        <translation>Business Headlines</translation>
    </message>
    <message>
        <location filename="../../../content/samples.py"/>
        <source>Calm and healthy</source>
        <translation>Calm and healthy</translation>
    </message>
    <message>
        <location filename="../../../content/samples.py"/>
        <source>Candy Time</source>
        <translation>Candy Time</translation>
    </message>
    <message>
        <location filename="../../../content/samples.py"/>
        <source>Corner Store</source>
        <translation>Corner Store</translation>
    </message>
    <message>
        <location filename="../../../content/samples.py"/>
        <source>Craft Beer</source>
        <translation>Craft Beer</translation>
    </message>
    <message>
        <location filename="../../../content/samples.py"/>
        <source>Crunchy Chips</source>
        <translation>Crunchy Chips</translation>
    </message>
    <message>
        <location filename="../../../content/samples.py"/>
        <source>Energy Boost</source>
        <translation>Energy Boost</translation>
    </message>
    <message>
        <location filename="../../../content/samples.py"/>
        <source>Fresh brewed $1.50</source>
        <translation>Fresh brewed $1.50</translation>
    </message>
    <message>
        <location filename="../../../content/samples.py"/>
        <source>Fresh picks every day</source>
        <translation>Fresh picks every day</translation>
    </message>
    <message>
        <location filename="../../../content/samples.py"/>
        <source>Green Tea</source>
        <translation>Green Tea</translation>
    </message>
    <message>
        <location filename="../../../content/samples.py"/>
        <source>Hot Coffee</source>
        <translation>Hot Coffee</translation>
    </message>
    <message>
        <location filename="../../../content/samples.py"/>
        <source>Indices at a glance (sample data)</source>
        <translation>Indices at a glance (sample data)</translation>
    </message>
    <message>
        <location filename="../../../content/samples.py"/>
        <source>Lunch Deals</source>
        <translation>Lunch Deals</translation>
    </message>
    <message>
        <location filename="../../../content/samples.py"/>
        <source>Markets Today</source>
        <translation>Markets Today</translation>
    </message>
    <message>
        <location filename="../../../content/samples.py"/>
        <source>Open 6 am to midnight</source>
        <translation>Open 6 am to midnight</translation>
    </message>
    <message>
        <location filename="../../../content/samples.py"/>
        <source>Ready meals from $6</source>
        <translation>Ready meals from $6</translation>
    </message>
    <message>
        <location filename="../../../content/samples.py"/>
        <source>Sample headlines: connect a news feed to show live business news here.</source>
        <translation>Sample headlines: connect a news feed to show live business news here.</translation>
    </message>
    <message>
        <location filename="../../../content/samples.py"/>
        <source>Sandwich + drink $5</source>
        <translation>Sandwich + drink $5</translation>
    </message>
    <message>
        <location filename="../../../content/samples.py"/>
        <source>Sweet deals after school</source>
        <translation>Sweet deals after school</translation>
    </message>
    <message>
        <location filename="../../../content/samples.py"/>
        <source>Welcome!</source>
        <translation>Welcome!</translation>
    </message>
    <message>
        <location filename="../../../content/samples.py"/>
        <source>signage sample content</source>
        <translation>signage sample content</translation>
    </message>
</context>
<context>
    <name>reports</name>
    <message numerus="yes">
        <location filename="../../../playlists/reports.py"/>
        <source>%n opportunities</source>
        <translation>
            <numerusform>%n opportunity</numerusform>
            <numerusform>%n opportunities</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../../playlists/reports.py"/>
        <source>%n plays</source>
        <translation>
            <numerusform>%n play</numerusform>
            <numerusform>%n plays</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../../playlists/reports.py"/>
        <source>%n viewers</source>
        <translation>
            <numerusform>%n viewer</numerusform>
            <numerusform>%n viewers</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../../playlists/reports.py"/>
        <source>No measured plays {period}: {plays}, none of them with audience snapshots (attention is measured only while the audience camera runs).</source>
        <translation>No measured plays {period}: {plays}, none of them with audience snapshots (attention is measured only while the audience camera runs).</translation>
    </message>
    <message>
        <location filename="../../../playlists/reports.py"/>
        <source>No plays {period}.</source>
        <translation>No plays {period}.</translation>
    </message>
    <message>
        <location filename="../../../playlists/reports.py"/>
        <source>{measured} of {plays} {period} measured: {opportunities} to see, {viewers}{share}; per opportunity {attention} of attention and {dwell} of dwell.</source>
        <translation>{measured} of {plays} {period} measured: {opportunities} to see, {viewers}{share}; per opportunity {attention} of attention and {dwell} of dwell.</translation>
    </message>
    <message>
        <location filename="../../../playlists/reports.py"/>
        <source>{seconds} s</source>
        <translation>{seconds} s</translation>
    </message>
</context>
<context>
    <name>uplift</name>
    <message numerus="yes">
        <location filename="../../../playlists/uplift.py"/>
        <source>%n days</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../../playlists/uplift.py"/>
        <source>ARM</source>
        <translation>ARM</translation>
    </message>
    <message>
        <location filename="../../../playlists/uplift.py"/>
        <source>CATEGORY</source>
        <translation>CATEGORY</translation>
    </message>
    <message>
        <location filename="../../../playlists/uplift.py"/>
        <source>EFFECT (95%)</source>
        <translation>EFFECT (95%)</translation>
    </message>
    <message>
        <location filename="../../../playlists/uplift.py"/>
        <source>EXPOSURES</source>
        <translation>EXPOSURES</translation>
    </message>
    <message>
        <location filename="../../../playlists/uplift.py"/>
        <source>RATE</source>
        <translation>RATE</translation>
    </message>
    <message>
        <location filename="../../../playlists/uplift.py"/>
        <source>RECEIPTS</source>
        <translation>RECEIPTS</translation>
    </message>
    <message>
        <location filename="../../../playlists/uplift.py"/>
        <source>RULE</source>
        <translation>RULE</translation>
    </message>
    <message>
        <location filename="../../../playlists/uplift.py"/>
        <source>Uplift of targeting {period}: receipts within {minutes} minutes after a holdout exposure, targeted ad against the control.</source>
        <translation>Uplift of targeting {period}: receipts within {minutes} minutes after a holdout exposure, targeted ad against the control.</translation>
    </message>
    <message>
        <location filename="../../../playlists/uplift.py"/>
        <source>WITH CATEGORY</source>
        <translation>WITH CATEGORY</translation>
    </message>
    <message>
        <location filename="../../../playlists/uplift.py"/>
        <source>before {end}</source>
        <translation>before {end}</translation>
    </message>
    <message>
        <location filename="../../../playlists/uplift.py"/>
        <source>between {start} and {end}</source>
        <translation>between {start} and {end}</translation>
    </message>
    <message>
        <location filename="../../../playlists/uplift.py"/>
        <source>control</source>
        <translation>control</translation>
    </message>
    <message>
        <location filename="../../../playlists/uplift.py"/>
        <source>from {start}</source>
        <translation>from {start}</translation>
    </message>
    <message>
        <location filename="../../../playlists/uplift.py"/>
        <source>in the whole log</source>
        <translation>in the whole log</translation>
    </message>
    <message>
        <location filename="../../../playlists/uplift.py"/>
        <source>targeted</source>
        <translation>targeted</translation>
    </message>
    <message>
        <location filename="../../../playlists/uplift.py"/>
        <source>{category} (not advertised by this rule)</source>
        <translation>{category} (not advertised by this rule)</translation>
    </message>
    <message>
        <location filename="../../../playlists/uplift.py"/>
        <source>{effect} ({low} to {high})</source>
        <translation>{effect} ({low} to {high})</translation>
    </message>
    <message>
        <location filename="../../../playlists/uplift.py"/>
        <source>{exposures} exposures, {receipts} receipts read, {attributed} of them within the window of an exposure</source>
        <translation>{exposures} exposures, {receipts} receipts read, {attributed} of them within the window of an exposure</translation>
    </message>
    <message>
        <location filename="../../../playlists/uplift.py"/>
        <source>{head} bought in {targeted} of receipts within {minutes} minutes after the targeted ad, {control} after the control; {effect} ({low} to {high}), {days}</source>
        <translation>{head} bought in {targeted} of receipts within {minutes} minutes after the targeted ad, {control} after the control; {effect} ({low} to {high}), {days}</translation>
    </message>
    <message>
        <location filename="../../../playlists/uplift.py"/>
        <source>{head}: {problem}</source>
        <translation>{head}: {problem}</translation>
    </message>
    <message>
        <location filename="../../../playlists/uplift.py"/>
        <source>{rule}: {category}</source>
        <translation>{rule}: {category}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../../playlists/uplift.py"/>
        <source>{sentence}; about %n more days to be sure of {effect}</source>
        <translation>
            <numerusform>{sentence}; about %n more day to be sure of {effect}</numerusform>
            <numerusform>{sentence}; about %n more days to be sure of {effect}</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../../playlists/uplift.py"/>
        <source>{sentence}; enough days already to be sure of {effect}</source>
        <translation>{sentence}; enough days already to be sure of {effect}</translation>
    </message>
</context>
<context>
    <name>words</name>
    <message numerus="yes">
        <location filename="../../../playlists/decision.py"/>
        <location filename="../../../playlists/words.py"/>
        <source>%n people</source>
        <translation>
            <numerusform>%n person</numerusform>
            <numerusform>%n people</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../../playlists/words.py"/>
        <source>a group of adults</source>
        <translation>a group of adults</translation>
    </message>
    <message>
        <location filename="../../../playlists/words.py"/>
        <source>a group of minors</source>
        <translation>a group of minors</translation>
    </message>
    <message>
        <location filename="../../../playlists/words.py"/>
        <source>adults</source>
        <translation>adults</translation>
    </message>
    <message>
        <location filename="../../../playlists/words.py"/>
        <source>adults (about 30-49)</source>
        <translation>adults (about 30-49)</translation>
    </message>
    <message>
        <location filename="../../../playlists/words.py"/>
        <source>an adult with a child</source>
        <translation>an adult with a child</translation>
    </message>
    <message>
        <location filename="../../../playlists/words.py"/>
        <source>business suit</source>
        <translation>business suit</translation>
    </message>
    <message>
        <location filename="../../../playlists/words.py"/>
        <source>casual clothes</source>
        <translation>casual clothes</translation>
    </message>
    <message>
        <location filename="../../../playlists/words.py"/>
        <source>children</source>
        <translation>children</translation>
    </message>
    <message>
        <location filename="../../../playlists/words.py"/>
        <source>children (about 0-12)</source>
        <translation>children (about 0-12)</translation>
    </message>
    <message>
        <location filename="../../../playlists/words.py"/>
        <source>clothes not recognised</source>
        <translation>clothes not recognised</translation>
    </message>
    <message>
        <location filename="../../../playlists/words.py"/>
        <source>everyone</source>
        <translation>everyone</translation>
    </message>
    <message>
        <location filename="../../../playlists/words.py"/>
        <source>female {who}</source>
        <translation>female {who}</translation>
    </message>
    <message>
        <location filename="../../../playlists/words.py"/>
        <source>male {who}</source>
        <translation>male {who}</translation>
    </message>
    <message>
        <location filename="../../../playlists/words.py"/>
        <source>middle-aged people</source>
        <translation>middle-aged people</translation>
    </message>
    <message>
        <location filename="../../../playlists/words.py"/>
        <source>middle-aged people (about 50-64)</source>
        <translation>middle-aged people (about 50-64)</translation>
    </message>
    <message>
        <location filename="../../../playlists/words.py"/>
        <source>on their own</source>
        <translation>on their own</translation>
    </message>
    <message>
        <location filename="../../../playlists/words.py"/>
        <source>school uniform</source>
        <translation>school uniform</translation>
    </message>
    <message>
        <location filename="../../../playlists/words.py"/>
        <source>seniors</source>
        <translation>seniors</translation>
    </message>
    <message>
        <location filename="../../../playlists/words.py"/>
        <source>seniors (about 65 and over)</source>
        <translation>seniors (about 65 and over)</translation>
    </message>
    <message>
        <location filename="../../../playlists/words.py"/>
        <source>teens</source>
        <translation>teens</translation>
    </message>
    <message>
        <location filename="../../../playlists/words.py"/>
        <source>teens (about 13-19)</source>
        <translation>teens (about 13-19)</translation>
    </message>
    <message>
        <location filename="../../../playlists/words.py"/>
        <source>visitors</source>
        <translation>visitors</translation>
    </message>
    <message>
        <location filename="../../../playlists/words.py"/>
        <source>workwear</source>
        <translation>workwear</translation>
    </message>
    <message>
        <location filename="../../../playlists/words.py"/>
        <source>young adults</source>
        <translation>young adults</translation>
    </message>
    <message>
        <location filename="../../../playlists/words.py"/>
        <source>young adults (about 20-29)</source>
        <translation>young adults (about 20-29)</translation>
    </message>
    <message>
        <location filename="../../../playlists/words.py"/>
        <source>{first} and {rest}</source>
        <translation>{first} and {rest}</translation>
    </message>
    <message>
        <location filename="../../../playlists/words.py"/>
        <source>{first} or {rest}</source>
        <translation>{first} or {rest}</translation>
    </message>
    <message>
        <location filename="../../../playlists/words.py"/>
        <source>{first}, {rest}</source>
        <translation>{first}, {rest}</translation>
    </message>
    <message>
        <location filename="../../../playlists/words.py"/>
        <source>{who} in a group of adults</source>
        <translation>{who} in a group of adults</translation>
    </message>
    <message>
        <location filename="../../../playlists/words.py"/>
        <source>{who} in a group of minors</source>
        <translation>{who} in a group of minors</translation>
    </message>
    <message>
        <location filename="../../../playlists/words.py"/>
        <source>{who} in business suits</source>
        <translation>{who} in business suits</translation>
    </message>
    <message>
        <location filename="../../../playlists/words.py"/>
        <source>{who} in casual clothes</source>
        <translation>{who} in casual clothes</translation>
    </message>
    <message>
        <location filename="../../../playlists/words.py"/>
        <source>{who} in school uniform</source>
        <translation>{who} in school uniform</translation>
    </message>
    <message>
        <location filename="../../../playlists/words.py"/>
        <source>{who} in workwear</source>
        <translation>{who} in workwear</translation>
    </message>
    <message>
        <location filename="../../../playlists/words.py"/>
        <source>{who} on their own</source>
        <translation>{who} on their own</translation>
    </message>
    <message>
        <location filename="../../../playlists/words.py"/>
        <source>{who} with a child</source>
        <translation>{who} with a child</translation>
    </message>
</context>
</TS>
