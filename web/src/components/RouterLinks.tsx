import { Anchor, type AnchorProps, Button, type ButtonProps, NavLink, type NavLinkProps } from '@mantine/core';
import { createLink } from '@tanstack/react-router';
import type { ComponentPropsWithRef } from 'react';

/* Mantine components rendered as anchors, wrapped so that routes and search params stay typed. */

function AnchorElement(props: AnchorProps & ComponentPropsWithRef<'a'>) {
  return <Anchor component="a" {...props} />;
}

function ButtonAnchorElement(props: ButtonProps & ComponentPropsWithRef<'a'>) {
  return <Button component="a" {...props} />;
}

function NavLinkElement(props: NavLinkProps & ComponentPropsWithRef<'a'>) {
  return <NavLink component="a" {...props} />;
}

export const RouterAnchor = createLink(AnchorElement);
export const RouterButton = createLink(ButtonAnchorElement);
export const RouterNavLink = createLink(NavLinkElement);
