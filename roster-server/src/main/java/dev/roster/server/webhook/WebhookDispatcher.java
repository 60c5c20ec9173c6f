package dev.roster.server.webhook;

import dev.roster.server.common.NudgedLoop;
import dev.roster.server.config.RosterProperties;
import dev.roster.server.event.EventSequencer;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Runs webhook fan-out, sending and recording on virtual threads: fan-out right after the sequencer positions events
 * on this instance, sending right after a fan-out queued deliveries or attempts were recorded (which may release
 * deliveries held behind them), recording right after attempts ended, so that the attempts that end meanwhile are
 * recorded together; and each every {@code pollInterval} for retries that fall due and for other instances' events.
 */
@Component
class WebhookDispatcher implements SmartLifecycle {

    private final WebhookSender sending;
    private final NudgedLoop fanOut;
    private final NudgedLoop sender;
    private final NudgedLoop recorder;

    WebhookDispatcher(WebhookFanOut fanOut, WebhookSender sender, RosterProperties properties) {
        this.sending = sender;
        this.recorder = new NudgedLoop("webhook-recorder", properties.webhooks().pollInterval(), () -> {
            if (sender.recordAll() > 0) {
                nudgeSender();
            }
        });
        this.sender = new NudgedLoop("webhook-sender", properties.webhooks().pollInterval(),
                () -> sender.sendAllDue(recorder::nudge));
        this.fanOut = new NudgedLoop("webhook-fan-out", properties.webhooks().pollInterval(), () -> {
            if (fanOut.fanOutAll() > 0) {
                this.sender.nudge();
            }
        });
    }

    @EventListener
    void onPositioned(EventSequencer.EventsPositioned positioned) {
        fanOut.nudge();
    }

    /** Asks for a sending round soon, such as after a delivery was queued by hand. */
    void nudgeSender() {
        sender.nudge();
    }

    @Override
    public void start() {
        sending.start();
        fanOut.start();
        sender.start();
        recorder.start();
    }

    /** Records what the requests in flight answered before the recorder stops; what is left goes to its lease. */
    @Override
    public void stop() {
        fanOut.stop();
        sender.stop();
        sending.stop();
        recorder.stop();
        sending.recordAll();
    }

    @Override
    public boolean isRunning() {
        return fanOut.isRunning();
    }
}
