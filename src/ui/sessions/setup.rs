//! The plan's inputs: rooms, time slots, the session's length and the national window.

use leptos::prelude::*;

use super::PlanContext;
use crate::domain::sessions::{
    format_time, parse_time, PlanDate, Room, Slot, LAST_YEAR_3E, LAST_YEAR_TERMINALE,
};
use crate::ui::text::sessions as ts;

#[component]
pub(super) fn PlanSetup(context: PlanContext) -> impl IntoView {
    view! {
        <section class="panel sessions-setup" aria-labelledby="setup-title">
            <h3 id="setup-title">{ts::SETUP_TITLE}</h3>
            <div class="sessions-setup__grid">
                <Rooms context=context />
                <Slots context=context />
            </div>
            <div class="sessions-setup__grid">
                <TimingFields context=context />
                <WindowFields context=context />
            </div>
        </section>
    }
}

#[component]
fn Rooms(context: PlanContext) -> impl IntoView {
    let name = RwSignal::new(String::new());
    let seats = RwSignal::new(String::new());
    let invalid = RwSignal::new(false);
    let add = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let room = name.get_untracked();
        match seats.get_untracked().trim().parse::<u16>() {
            Ok(computers) if computers > 0 && !room.trim().is_empty() => {
                context.edit(|plan| {
                    plan.add_room(&room, computers);
                });
                name.set(String::new());
                seats.set(String::new());
                invalid.set(false);
            }
            _ => invalid.set(true),
        }
    };
    view! {
        <div class="sessions-block">
            <h4>{ts::ROOMS_TITLE}</h4>
            <form class="sessions-form" on:submit=add>
                <label class="field">
                    <span class="field__label">{ts::ROOM_NAME}</span>
                    <input
                        type="text"
                        data-testid="room-name"
                        prop:value=move || name.get()
                        on:input=move |event| name.set(event_target_value(&event))
                    />
                </label>
                <label class="field field--narrow">
                    <span class="field__label">{ts::ROOM_SEATS}</span>
                    <input
                        type="number"
                        min="1"
                        max="500"
                        inputmode="numeric"
                        data-testid="room-seats"
                        prop:value=move || seats.get()
                        on:input=move |event| seats.set(event_target_value(&event))
                    />
                </label>
                <button type="submit" class="button button--secondary" data-testid="room-add">{ts::ROOM_ADD}</button>
            </form>
            <Show when=move || invalid.get()>
                <p class="sessions-form__error" role="alert">{ts::ROOM_INVALID}</p>
            </Show>
            <Show
                when=move || context.plan.with(|p| !p.rooms.is_empty())
                fallback=|| view! { <p class="muted">{ts::NO_ROOM}</p> }
            >
                <table class="table sessions-table">
                    <caption class="visually-hidden">{ts::ROOMS_CAPTION}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{ts::COL_ROOM}</th>
                            <th scope="col" class="num">{ts::COL_COMPUTERS}</th>
                            <th scope="col" class="num">{ts::COL_SPARES}</th>
                            <th scope="col" class="num">{ts::COL_SEATS}</th>
                            <th scope="col">{ts::COL_ACTIONS}</th>
                        </tr>
                    </thead>
                    <tbody>
                        <For
                            each=move || context.plan.with(|p| p.rooms.clone())
                            key=|room| room.clone()
                            children=move |room| view! { <RoomRow context=context room=room /> }
                        />
                    </tbody>
                </table>
            </Show>
        </div>
    }
}

#[component]
fn RoomRow(context: PlanContext, room: Room) -> impl IntoView {
    let id = room.id;
    view! {
        <tr data-testid="plan-room" data-room=room.name.clone()>
            <th scope="row">{room.name.clone()}</th>
            <td class="num">{room.computers}</td>
            <td class="num">
                <input
                    type="number"
                    class="input--small"
                    min="0"
                    max=room.computers.to_string()
                    aria-label=ts::spares_of(&room.name)
                    prop:value=room.spares.to_string()
                    on:change=move |event| {
                        if let Ok(spares) = event_target_value(&event).trim().parse::<u16>() {
                            context.edit(|plan| {
                                if let Some(room) = plan.rooms.iter_mut().find(|r| r.id == id) {
                                    room.spares = spares.min(room.computers);
                                }
                            });
                        }
                    }
                />
            </td>
            <td class="num">{room.capacity()}</td>
            <td>
                <button
                    type="button"
                    class="button button--link"
                    aria-label=ts::remove_room(&room.name)
                    on:click=move |_| context.edit(|plan| plan.remove_room(id))
                >
                    {ts::REMOVE}
                </button>
            </td>
        </tr>
    }
}

#[component]
fn Slots(context: PlanContext) -> impl IntoView {
    let date = RwSignal::new(String::new());
    let time = RwSignal::new(String::new());
    let invalid = RwSignal::new(false);
    let add = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        match (
            PlanDate::parse_iso(&date.get_untracked()),
            parse_time(&time.get_untracked()),
        ) {
            (Some(day), Some(start)) => {
                context.edit(|plan| {
                    plan.add_slot(day, start);
                });
                time.set(String::new());
                invalid.set(false);
            }
            _ => invalid.set(true),
        }
    };
    view! {
        <div class="sessions-block">
            <h4>{ts::SLOTS_TITLE}</h4>
            <form class="sessions-form" on:submit=add>
                <label class="field">
                    <span class="field__label">{ts::SLOT_DATE}</span>
                    <input
                        type="date"
                        data-testid="slot-date"
                        prop:value=move || date.get()
                        on:input=move |event| date.set(event_target_value(&event))
                        on:change=move |event| date.set(event_target_value(&event))
                    />
                </label>
                <label class="field field--narrow">
                    <span class="field__label">{ts::SLOT_TIME}</span>
                    <input
                        type="time"
                        data-testid="slot-time"
                        prop:value=move || time.get()
                        on:input=move |event| time.set(event_target_value(&event))
                        on:change=move |event| time.set(event_target_value(&event))
                    />
                </label>
                <button type="submit" class="button button--secondary" data-testid="slot-add">{ts::SLOT_ADD}</button>
            </form>
            <Show when=move || invalid.get()>
                <p class="sessions-form__error" role="alert">{ts::SLOT_INVALID}</p>
            </Show>
            <Show
                when=move || context.plan.with(|p| !p.slots.is_empty())
                fallback=|| view! { <p class="muted">{ts::NO_SLOT}</p> }
            >
                <table class="table sessions-table">
                    <caption class="visually-hidden">{ts::SLOTS_CAPTION}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{ts::COL_DATE}</th>
                            <th scope="col">{ts::COL_START}</th>
                            <th scope="col">{ts::COL_END}</th>
                            <th scope="col">{ts::COL_ACTIONS}</th>
                        </tr>
                    </thead>
                    <tbody>
                        <For
                            each=move || {
                                let timing = context.plan.with(|p| p.timing);
                                context.plan.with(|p| p.slots.clone()).into_iter().map(move |slot| (slot, timing.end(slot.start, false)))
                            }
                            key=|(slot, end)| (slot.id, slot.date, slot.start, *end)
                            children=move |(slot, end)| view! { <SlotRow context=context time_slot=slot end=end /> }
                        />
                    </tbody>
                </table>
            </Show>
        </div>
    }
}

#[component]
fn SlotRow(context: PlanContext, time_slot: Slot, end: u32) -> impl IntoView {
    let slot = time_slot;
    let id = slot.id;
    let day = ts::long_date(slot.date);
    let start = format_time(u32::from(slot.start));
    let label = ts::remove_slot(&format!("{day} à {start}"));
    view! {
        <tr data-testid="plan-slot">
            <th scope="row">{day}</th>
            <td>{start}</td>
            <td>{format_time(end)}</td>
            <td>
                <button
                    type="button"
                    class="button button--link"
                    aria-label=label
                    on:click=move |_| context.edit(|plan| plan.remove_slot(id))
                >
                    {ts::REMOVE}
                </button>
            </td>
        </tr>
    }
}

/// A number field that stores its value in the plan when it is a whole number.
#[component]
fn MinutesField(
    label: &'static str,
    testid: &'static str,
    #[prop(into)] value: Signal<u16>,
    on_set: impl Fn(u16) + 'static,
) -> impl IntoView {
    view! {
        <label class="field field--narrow">
            <span class="field__label">{label}</span>
            <input
                type="number"
                min="1"
                max="600"
                inputmode="numeric"
                data-testid=testid
                prop:value=move || value.get().to_string()
                on:change=move |event| {
                    if let Ok(minutes) = event_target_value(&event).trim().parse::<u16>() {
                        if minutes > 0 {
                            on_set(minutes);
                        }
                    }
                }
            />
        </label>
    }
}

#[component]
fn TimingFields(context: PlanContext) -> impl IntoView {
    let plan = context.plan;
    view! {
        <fieldset class="sessions-block">
            <legend>{ts::TIMING_TITLE}</legend>
            <div class="sessions-form">
                <MinutesField
                    label=ts::LENGTH
                    testid="plan-length"
                    value=Signal::derive(move || plan.with(|p| p.timing.length_minutes))
                    on_set=move |minutes| context.edit(|plan| plan.timing.length_minutes = minutes)
                />
                <MinutesField
                    label=ts::SETUP
                    testid="plan-setup"
                    value=Signal::derive(move || plan.with(|p| p.timing.setup_minutes))
                    on_set=move |minutes| context.edit(|plan| plan.timing.setup_minutes = minutes)
                />
                <MinutesField
                    label=ts::EXTRA
                    testid="plan-extra"
                    value=Signal::derive(move || plan.with(|p| p.timing.extra()))
                    on_set=move |minutes| context.edit(|plan| plan.timing.extra_minutes = Some(minutes))
                />
            </div>
            <p class="muted">{ts::EXTRA_HINT}</p>
        </fieldset>
    }
}

#[component]
fn WindowFields(context: PlanContext) -> impl IntoView {
    let plan = context.plan;
    let date_value = move |pick: fn(&crate::domain::sessions::Window) -> Option<PlanDate>| {
        move || plan.with(|p| pick(&p.window).map(PlanDate::iso).unwrap_or_default())
    };
    view! {
        <fieldset class="sessions-block">
            <legend>{ts::WINDOW_TITLE}</legend>
            <div class="sessions-form">
                <label class="field">
                    <span class="field__label">{ts::WINDOW_START}</span>
                    <input
                        type="date"
                        data-testid="window-start"
                        prop:value=date_value(|w| w.start)
                        on:change=move |event| {
                            let date = PlanDate::parse_iso(&event_target_value(&event));
                            context.edit(|plan| plan.window.start = date);
                        }
                    />
                </label>
                <label class="field">
                    <span class="field__label">{ts::WINDOW_END}</span>
                    <input
                        type="date"
                        data-testid="window-end"
                        prop:value=date_value(|w| w.end)
                        on:change=move |event| {
                            let date = PlanDate::parse_iso(&event_target_value(&event));
                            context.edit(|plan| plan.window.end = date);
                        }
                    />
                </label>
            </div>
            <p class="muted">{ts::window_hint(LAST_YEAR_TERMINALE, LAST_YEAR_3E)}</p>
        </fieldset>
    }
}
